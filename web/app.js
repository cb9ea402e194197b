// newsfigures serve: the page's one script (no inline script is allowed by the page's
// Content-Security-Policy). Draws the entity charts with uPlot, opens a figure's record on
// the article page, and sorts tables. Every text it shows comes from the server's escaped
// markup or goes through textContent, never innerHTML.
"use strict";

(() => {
  const SCALES = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];

  function compact(n) {
    const a = Math.abs(n);
    for (const [f, s] of SCALES) if (a >= f) return `${+(n / f).toFixed(2)}${s}`;
    return `${+n.toFixed(2)}`;
  }

  function colour(el, name, fallback) {
    const v = getComputedStyle(el).getPropertyValue(name).trim();
    return v || fallback;
  }

  function drawChart(el) {
    const d = JSON.parse(el.dataset.series);
    const started = performance.now();
    const n = d.x.length;
    const reported = new Array(n);
    const forecast = new Array(n);
    for (let i = 0; i < n; i++) {
      reported[i] = d.forecast[i] ? null : d.y[i];
      forecast[i] = d.forecast[i] ? d.y[i] : null;
    }
    const stroke = colour(el, "--c", "#335");
    const band = colour(el, "--bg", "#dde");
    const unit = d.unit && d.kind === "money" ? `${d.unit} ` : "";
    const suffix = d.kind === "percent" ? (d.unit === "percent" ? " %" : ` ${d.unit}`) : "";
    const tip = document.createElement("div");
    tip.className = "chart-tip";
    el.appendChild(tip);

    // Ranges as bands from min to max at the figure's date; figures dated by when they were
    // stored get a diamond so nobody reads them as a publication date.
    function drawExtras(u) {
      const ctx = u.ctx;
      ctx.save();
      const px = devicePixelRatio || 1;
      for (let i = 0; i < n; i++) {
        const cx = u.valToPos(d.x[i], "x", true);
        if (d.lo[i] !== null && d.hi[i] !== null) {
          const top = u.valToPos(d.hi[i], "y", true);
          const bottom = u.valToPos(d.lo[i], "y", true);
          const h = Math.max(2 * px, bottom - top);
          ctx.fillStyle = band;
          ctx.fillRect(cx - 6 * px, top, 12 * px, h);
          ctx.strokeStyle = stroke;
          ctx.lineWidth = px;
          ctx.strokeRect(cx - 6 * px, top, 12 * px, h);
        }
        if (d.basis[i] === "s") {
          const cy = u.valToPos(d.y[i], "y", true);
          const r = 7 * px;
          ctx.strokeStyle = stroke;
          ctx.lineWidth = px;
          ctx.beginPath();
          ctx.moveTo(cx, cy - r);
          ctx.lineTo(cx + r, cy);
          ctx.lineTo(cx, cy + r);
          ctx.lineTo(cx - r, cy);
          ctx.closePath();
          ctx.stroke();
        }
      }
      ctx.restore();
    }

    const lo = Math.min(...d.y, ...d.lo.filter((v) => v !== null));
    const hi = Math.max(...d.y, ...d.hi.filter((v) => v !== null));
    const pad = lo === hi ? Math.abs(hi) * 0.5 || 1 : (hi - lo) * 0.12;
    let xmin = d.x[0];
    let xmax = d.x[n - 1];
    if (xmin === xmax) {
      xmin -= 86400 * 45;
      xmax += 86400 * 45;
    }
    const opts = {
      width: Math.max(320, el.clientWidth),
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 10 } },
      scales: {
        x: { time: true, range: [xmin - (xmax - xmin) * 0.03, xmax + (xmax - xmin) * 0.03] },
        // Points, not bars: the axis spans the data (never below zero for positive data).
        y: { range: [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad] },
      },
      axes: [
        { stroke: "#555", grid: { stroke: "#eee" } },
        {
          stroke: "#555",
          grid: { stroke: "#eee" },
          size: 96,
          values: (_u, ticks) => ticks.map((t) => `${unit}${compact(t)}${suffix}`),
        },
      ],
      series: [
        {},
        {
          label: "reported",
          stroke,
          paths: () => null,
          points: { show: true, size: n > 2000 ? 4 : 9, fill: stroke, stroke },
        },
        {
          label: "forecast",
          stroke,
          paths: () => null,
          points: { show: true, size: n > 2000 ? 5 : 10, fill: "#fff", stroke, width: 2 },
        },
      ],
      hooks: {
        draw: [drawExtras],
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            if (i === null || i === undefined) {
              tip.hidden = true;
              return;
            }
            tip.hidden = false;
            const basis = { p: "period", u: "published", s: "stored" }[d.basis[i]] || "";
            tip.textContent = `${d.label[i]}${d.forecast[i] ? " (forecast)" : ""} · ${new Date(d.x[i] * 1000).toISOString().slice(0, 10)} (${basis})`;
          },
        ],
      },
    };
    const u = new uPlot(opts, [d.x, reported, forecast], el);
    u.over.addEventListener("click", () => {
      const i = u.cursor.idx;
      if (i === null || i === undefined) return;
      location.href = `/article/${d.articles[d.article[i]]}#fig-${encodeURIComponent(d.id[i])}`;
    });
    u.over.title = "click a point to open its sentence";
    el.dataset.points = String(n);
    el.dataset.renderMs = (performance.now() - started).toFixed(1);
  }

  function openRecord(mark) {
    const card = document.getElementById("record-card");
    const rec = document.getElementById(mark.dataset.rec);
    if (!card || !rec) return;
    for (const m of document.querySelectorAll("mark.fig.active")) m.classList.remove("active");
    mark.classList.add("active");
    card.replaceChildren(rec.cloneNode(true));
    card.firstChild.hidden = false;
    card.firstChild.removeAttribute("id");
    card.classList.add("open");
  }

  function sortable(table) {
    const heads = table.querySelectorAll("th[data-sort]");
    heads.forEach((th) => {
      th.tabIndex = 0;
      th.title = "sort this page by this column";
      const sort = () => {
        const col = Array.prototype.indexOf.call(th.parentNode.children, th);
        const asc = th.getAttribute("aria-sort") !== "ascending";
        for (const h of heads) h.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        const body = table.tBodies[0];
        const key = (row) => {
          const cell = row.children[col];
          if (!cell) return "";
          return th.dataset.sort === "num" ? Number(cell.dataset.value) : cell.textContent.trim().toLowerCase();
        };
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = key(a);
          const y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
        });
        body.append(...rows);
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (e) => {
        if (e.key === "Enter") sort();
      });
    });
  }

  function start() {
    if (typeof uPlot !== "undefined") for (const el of document.querySelectorAll(".chart[data-series]")) drawChart(el);
    for (const mark of document.querySelectorAll("mark.fig")) {
      mark.addEventListener("click", () => openRecord(mark));
      mark.addEventListener("mouseenter", () => openRecord(mark));
      mark.addEventListener("focus", () => openRecord(mark));
    }
    if (location.hash.startsWith("#fig-")) {
      const mark = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (mark && mark.matches("mark.fig")) {
        openRecord(mark);
        mark.scrollIntoView({ block: "center" });
      }
    }
    for (const t of document.querySelectorAll("table.sortable")) sortable(t);
    document.body.dataset.ready = "1";
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
