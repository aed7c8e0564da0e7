# k8s-days API image: multi-stage, production dependencies only, runs as non-root.
# Build:  docker build -t k8s-days .
# Run:    docker run -p 4000:4000 k8s-days                   (embedded SQLite in /data)
#         docker run -e DATABASE_URL=postgresql://… k8s-days  (PostgreSQL)

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 may need to compile when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY prisma ./prisma
COPY src ./src
# All dependencies: postinstall generates the Prisma clients, prepare compiles src/ to dist/.
RUN npm ci && test -f dist/index.js

FROM build AS deps
# Production dependencies only (the compiler is not installed, so prepare skips the build).
RUN rm -rf node_modules && npm ci --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATABASE_URL=file:/data/k8s-days.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json prisma.config.ts ./
COPY bin ./bin
COPY prisma ./prisma
COPY seeds ./seeds
COPY web ./web
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Compiled JavaScript: no TypeScript compilation at start.
# The old-generation cap keeps the heap (and RSS) near 200 MB under load, well inside the Deployment's 384Mi limit (see package.json "start", README "Memory").
CMD ["node", "--max-old-space-size=192", "dist/index.js"]
