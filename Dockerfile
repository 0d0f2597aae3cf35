# One image build for every Roundup service: the jar that `./mvnw package` built in <SERVICE>/target, run as a
# non-root user. docker-compose.yml passes SERVICE and PORT; by hand, from the project's root folder:
#   ./mvnw -pl article-service -am package -DskipTests
#   docker build --build-arg SERVICE=article-service --build-arg PORT=8081 -t roundup/article-service .
# (Elasticsearch with the analysis plugin is a different image: search-analysis/Dockerfile.)

# Unpacks the Spring Boot jar into its layers (Boot's tools jar mode), so that a rebuild that changed only the service's
# own code ships only that layer, and the JVM starts from plain jars rather than nested ones.
FROM eclipse-temurin:21-jre AS layers
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>, e.g. SERVICE=gateway" >&2; exit 1; }
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:21-jre
ARG SERVICE
ARG PORT=8080
LABEL org.opencontainers.image.title="roundup-${SERVICE}"

# /var/lib/roundup is where a service keeps state in a volume (the gateway its signing key), private to its user.
RUN groupadd --system --gid 10001 roundup \
    && useradd --system --uid 10001 --gid roundup --home-dir /app --no-create-home --shell /usr/sbin/nologin roundup \
    && mkdir -p /var/lib/roundup && chown roundup:roundup /var/lib/roundup \
    && chmod 700 /var/lib/roundup

WORKDIR /app
# least often changed first: each COPY is a layer of its own
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./

USER roundup:roundup
ENV PORT=${PORT}
EXPOSE ${PORT}

# curl ships with the eclipse-temurin Ubuntu images.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/readiness" > /dev/null || exit 1

# Exec form: the JVM is PID 1 and gets SIGTERM directly, so graceful shutdown works. JAVA_TOOL_OPTIONS adds flags.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/application.jar"]
