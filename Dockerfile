# syntax=docker/dockerfile:1
# The service image: API and built web app on one port, against an external PostgreSQL.

FROM node:20-bookworm-slim AS build
ENV PNPM_VERSION=12.4.2 CI=true
RUN npm install --global "pnpm@${PNPM_VERSION}"
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/domain/package.json packages/domain/
COPY apps/api/scripts apps/api/scripts
COPY apps/api/prisma.config.ts apps/api/
COPY prisma prisma
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @cse/api run prisma:generate && pnpm --filter @cse/web run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 PNPM_VERSION=12.4.2 CI=true
RUN npm install --global "pnpm@${PNPM_VERSION}"
WORKDIR /app
COPY --from=build /app/pnpm-lock.yaml /app/pnpm-workspace.yaml /app/package.json ./
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/packages/contracts/package.json packages/contracts/
COPY --from=build /app/packages/domain/package.json packages/domain/
# Production dependencies only (argon2 loads its bundled prebuilt binary); the generated
# Prisma client comes from the build stage.
RUN pnpm install --frozen-lockfile --prod --ignore-scripts
COPY --from=build /app/apps/api/src apps/api/src
COPY --from=build /app/apps/web/dist apps/web/dist
COPY --from=build /app/packages packages
COPY --from=build /app/prisma prisma
# The audit checkpoints' volume (docker-compose.yml) takes this directory's owner.
RUN mkdir -p /var/lib/cse-audit && chown node:node /var/lib/cse-audit
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
