# syntax=docker/dockerfile:1
#
# One image for every app. The app to run is chosen at start-up by $APP
# (gateway, identity, scheduling, teleconsultation, wallet-claims, aftercare, notifications):
#
#   docker build -t telehealth .                    # Kubernetes: one image, APP set per Deployment
#   docker build --build-arg APP=gateway -t telehealth-gateway .   # or bake a default in
#   docker run -e APP=identity telehealth

# ---------------------------------------------------------------------------------------------
# build: install all dependencies, compile apps + libs to dist/, then drop dev dependencies.
# ---------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Manifests first so the dependency layer is reused until package*.json change.
# argon2 ships prebuilt binaries for linux x64/arm64 (glibc), so no compiler toolchain is needed.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# Sources (.dockerignore keeps node_modules, dist and local state out of the context).
COPY . .

# tools/build.mjs compiles to dist/ and links dist/node_modules/@telehealth/* to the compiled
# libs with relative symlinks, which COPY --from preserves below.
RUN node tools/build.mjs \
 && npm prune --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies + compiled output only.
# ---------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production

# Files stay owned by root: the app (user node) can read but not modify its own code, which
# also suits Kubernetes' readOnlyRootFilesystem.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The gateway serves the event catalogue (/asyncapi.json).
COPY --from=build /app/docs/asyncapi.json ./docs/asyncapi.json

# Declared last so the layers above are shared by every app's build.
ARG APP
ENV APP=${APP}

# The node image's unprivileged user (uid/gid 1000; Kubernetes sets runAsUser: 1000 to match).
USER node

# No HEALTHCHECK: Kubernetes probes (and compose healthchecks) call /health and /ready.
# `exec` makes node PID 1 so it receives SIGTERM directly and shuts down gracefully.
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
