# The image of every docker-compose service (migrate, worker, scheduler): the CLI.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
# `npm ci` builds dist/ through the prepare script; dev dependencies are dropped after.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY pipelines ./pipelines
COPY fixtures ./fixtures
USER node
ENTRYPOINT ["node", "bin/newsfigures.js"]
CMD ["--help"]
