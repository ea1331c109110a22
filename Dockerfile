# syntax=docker/dockerfile:1.7
#
# Multi-stage image of the control plane: build with Maven on a Temurin 25 JDK, run on a Temurin
# 25 JRE as a non-root user, with the Datadog Java agent (dd-java-agent) inside.
#
#   docker build -t llm-reliability-control-plane .
#   docker run -p 8080:8080 -e LRCP_API_KEYS=change-me llm-reliability-control-plane
#
# Inside a container every client is "remote", so the service answers only /health until
# LRCP_API_KEYS is set (or LRCP_ALLOW_REMOTE_WITHOUT_KEYS=true, for a private network).
# DD_AGENT_ENABLED=false runs without the tracing agent; metrics still go to DD_AGENT_HOST:8125.

ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-25
ARG RUN_IMAGE=eclipse-temurin:25-jre
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS node

FROM ${BUILD_IMAGE} AS build
# The build calls the system npm for the Failure Theater UI (Next.js needs Node >= 20).
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
COPY . .
# Tests run in CI (.ci/run), not in the image build.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    mvn -B -DskipTests -DskipFrontendTests=true -DskipAotCache package \
 && mkdir /out \
 && cp target/llm-reliability-control-plane.jar /out/app.jar \
 && cp target/agent/dd-java-agent.jar /out/dd-java-agent.jar

FROM ${RUN_IMAGE}
ARG VERSION=0.1.0
RUN groupadd --system --gid 10001 lrcp \
 && useradd --system --uid 10001 --gid lrcp --home-dir /app --shell /usr/sbin/nologin lrcp \
 && mkdir -p /app/data \
 && chown lrcp:lrcp /app/data
WORKDIR /app
COPY --from=build /out/app.jar /out/dd-java-agent.jar /app/
COPY scripts/jvm.options scripts/jvm-options.sh /app/
USER 10001:10001
# The heap is sized for the service, not the container (docs/adr/0021-memory.md); a user's own
# heap or GC options in JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS or JAVA_OPTS replace ours.
ENV PORT=8080 \
    DD_AGENT_ENABLED=true \
    DD_SERVICE=llm-reliability-control-plane \
    DD_VERSION=${VERSION} \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS=""
EXPOSE 8080
# The embedded H2 database lives here unless SPRING_DATASOURCE_URL points at PostgreSQL.
VOLUME ["/app/data"]
# Our JVM options (minus those the user sets) on the command line; JAVA_TOOL_OPTIONS attaches the
# agent before main(); exec keeps java as PID 1 for SIGTERM.
ENTRYPOINT ["/bin/bash", "-c", "source /app/jvm-options.sh; mapfile -t own < <(jvm_options /app/jvm.options); if [ \"$DD_AGENT_ENABLED\" = true ]; then export JAVA_TOOL_OPTIONS=\"-javaagent:/app/dd-java-agent.jar ${JAVA_TOOL_OPTIONS:-}\"; fi; exec java \"${own[@]}\" $JAVA_OPTS -jar /app/app.jar \"$@\"", "--"]
