# The service image used by docker-compose.yml.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY projections ./projections
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The pages' templates and scripts are read at run time (src/web/page-renderer.ts).
COPY --from=build /app/src/web/views ./src/web/views
COPY --from=build /app/src/web/public ./src/web/public
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
