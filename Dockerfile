# Daehwa in a container: the WAR on Payara Micro, configured only by environment variables
# (see the README's table). Build with `docker build -t daehwa .`.

# ---- build: Maven and JDK 21 make the WAR and fetch the Payara Micro launcher -----------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
# Dependencies first, so that a change to the sources does not download them again.
RUN mvn -B -ntp -q dependency:go-offline || true
COPY src src
RUN mvn -B -ntp -q package -DskipTests

# ---- run: a JRE 21, as a user without privileges ---------------------------------------------
FROM eclipse-temurin:21-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin daehwa \
    && mkdir -p /app /data \
    && chown daehwa /data
WORKDIR /app
COPY --from=build /src/target/payara-micro.jar /app/payara-micro.jar
COPY --from=build /src/target/daehwa.war /app/daehwa.war
COPY server-config /app/server-config
USER daehwa
# The heap follows the container's memory limit; an out-of-memory JVM exits so that the
# orchestrator restarts it, instead of limping on.
ENV DAEHWA_DATA_DIR=/data \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC"
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health/ready" >/dev/null || exit 1
ENTRYPOINT ["/bin/sh", "-c", "exec java -jar /app/payara-micro.jar --deploy /app/daehwa.war --contextroot / --port \"$PORT\" --nocluster --postbootcommandfile /app/server-config/post-boot-commands.asadmin --logproperties /app/server-config/logging.properties"]
