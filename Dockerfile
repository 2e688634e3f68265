# One image for every Copydesk stage; the command chooses it:
#   docker run copydesk ingest --input /data/inbox     (or enrich, sink, run, --help)
# Built by docker-compose.yml (`docker compose build`), or: docker build -t copydesk .

# Base images are pinned to an exact JDK release (the one Copydesk is built and tested with); move both together.
# --- build: the Maven wrapper fetches Maven, Maven fetches the dependencies ---
FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY schemas schemas
COPY ingest ingest
COPY enrich enrich
COPY sink sink
COPY registry-serde registry-serde
COPY app app
# The tools module (bench, eval) is not built or shipped: only its pom, which the reactor lists.
COPY tools/pom.xml tools/pom.xml
RUN ./mvnw -B -ntp -DskipTests -pl app -am package \
 && mkdir -p /opt/copydesk/lib \
 && cp app/target/copydesk.jar /opt/copydesk/ \
 && tr ':' '\n' < app/target/classpath.txt | xargs -I{} cp {} /opt/copydesk/lib/

# --- run: a JRE, the jars, and curl for the health checks ---
FROM eclipse-temurin:17.0.15_6-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --uid 10001 copydesk \
 && mkdir -p /data/inbox /data/out /data/streams \
 && chown -R copydesk /data
COPY --from=build /opt/copydesk /opt/copydesk
USER copydesk
WORKDIR /data
# Heap and other JVM options: JAVA_TOOL_OPTIONS (docker-compose.yml sets it). Logs: COPYDESK_LOG_FORMAT=json.
# -XX:-DontCompileHugeMethods: as the launcher (docs/operations.md, JVM options).
ENTRYPOINT ["java", "-XX:-DontCompileHugeMethods", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.copydesk.schema", \
            "-cp", "/opt/copydesk/copydesk.jar:/opt/copydesk/lib/*", "io.copydesk.app.CopydeskCli"]
CMD ["--help"]
