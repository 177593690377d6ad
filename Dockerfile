# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev toolchain.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY agents ./agents
COPY queues ./queues
COPY crm ./crm
COPY mcp ./mcp
COPY slack ./slack
COPY web ./web
RUN npm run build

# Runtime stage: production dependencies only, run as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    BATON_DATA_DIR=/var/lib/baton/data \
    BATON_HTTP_HOST=0.0.0.0 \
    BATON_HTTP_PORT=8787
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY prompts ./prompts
RUN mkdir -p /var/lib/baton/data && chown -R node:node /var/lib/baton
USER node
VOLUME ["/var/lib/baton"]
EXPOSE 8787
# /healthz answers while the process is up; /readyz (Redis, PostgreSQL, Slack) is for load balancers.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.BATON_HTTP_PORT || 8787) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains: in-flight steps get BATON_SHUTDOWN_DEADLINE_MS (25 s) before they are handed back.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["serve"]
