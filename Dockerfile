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
RUN npm run build

# Runtime stage: production dependencies only, run as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    BATON_DATA_DIR=/var/lib/baton/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY prompts ./prompts
RUN mkdir -p /var/lib/baton/data && chown -R node:node /var/lib/baton
USER node
VOLUME ["/var/lib/baton"]
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["serve"]
