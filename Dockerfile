# The Everseed server image: WildFly 39 provisioned by the Maven build (system/target/wildfly: the
# PostgreSQL driver module, the datasource and OIDC settings as ${env.EVERSEED_*} expressions, and
# everseed.ear in its deployments folder). Build from the repository root:
#   docker build -t everseed .     (docker-compose.yml does this)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY api api
COPY ejb ejb
COPY web web
COPY ear ear
COPY distribution-agent distribution-agent
COPY system system
COPY container-tests/pom.xml container-tests/pom.xml
COPY system-tests/pom.xml system-tests/pom.xml
# Tests need PostgreSQL, Keycloak and browsers: they run in the project's own build, not here.
RUN ./mvnw -B -q -DskipTests -pl system -am install

FROM eclipse-temurin:17-jre
RUN apt-get update -q && apt-get install -y -q --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /opt/wildfly everseed \
    && mkdir -p /var/lib/everseed/payloads && chown everseed /var/lib/everseed/payloads
COPY --from=build --chown=everseed /src/system/target/wildfly /opt/wildfly
USER everseed
ENV EVERSEED_PAYLOAD_DIR=/var/lib/everseed/payloads \
    JAVA_OPTS="-Xms256m -Xmx2g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true"
VOLUME /var/lib/everseed/payloads
EXPOSE 8080 9990
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/api/v1/health || exit 1
ENTRYPOINT ["/opt/wildfly/bin/standalone.sh", "-b", "0.0.0.0", "-bmanagement", "0.0.0.0"]
