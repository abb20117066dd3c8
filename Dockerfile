# Papergraph API image: builds with the dev toolchain, ships only production dependencies, runs as
# the unprivileged `node` user. `papergraph start` with NEO4J_URI set (see docker-compose.yml)
# migrates the graph, ingests the sample corpus into an empty graph, and serves GraphQL on $PORT.
# Not built on the project's CI machines (no Docker engine there); see README "Which path is tested".

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (the build) needs the sources, copied next.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/data ./data
COPY --from=build /app/schema ./schema
# The sample ingest writes its rejects file under .papergraph/.
RUN mkdir -p /app/.papergraph && chown node:node /app/.papergraph
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/papergraph.js", "start"]
