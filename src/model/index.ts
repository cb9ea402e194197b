export * from "./article.js";
export * from "./metric.js";
