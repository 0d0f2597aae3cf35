package io.roundup.devservices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.BindMode;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code mongo:8} single-node replica set through Testcontainers, published on a fixed host port so that a stopped
 * and started container keeps its address.
 */
final class ContainerMongo implements MongoEngine {

    private static final String PART = "MongoDB";

    private static final String IMAGE = "mongo:8";

    private final int port;

    private final MongoDBContainer container;

    private boolean created;

    ContainerMongo(int port, Path dataDirectory) {
        this.port = port;
        this.container = new MongoDBContainer(DockerImageName.parse(IMAGE)).withReplicaSet();
        container.setPortBindings(List.of(port + ":27017"));
        if (dataDirectory != null) {
            container.withFileSystemBind(
                    Directories.create(PART, dataDirectory).toString(), "/data/db", BindMode.READ_WRITE);
        }
    }

    @Override
    public synchronized void start() {
        Ports.requireFree(PART, port);
        try {
            if (!created) {
                container.start();
                created = true;
            } else {
                container
                        .getDockerClient()
                        .startContainerCmd(container.getContainerId())
                        .exec();
                awaitPrimary(Duration.ofSeconds(60));
            }
        } catch (DevServiceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DevServiceException(
                    PART + ": the " + IMAGE + " container did not start (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (created && isRunning()) {
            container
                    .getDockerClient()
                    .stopContainerCmd(container.getContainerId())
                    .withTimeout(10)
                    .exec();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return created && container.isRunning();
    }

    @Override
    public synchronized void close() {
        if (created) {
            container.stop();
            created = false;
        }
    }

    @Override
    public String host() {
        return container.getHost();
    }

    private void awaitPrimary(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Ports.accepts(port)
                        && container
                                .execInContainer("mongosh", "--quiet", "--eval", "db.hello().isWritablePrimary")
                                .getStdout()
                                .contains("true")) {
                    return;
                }
            } catch (Exception e) {
                // not up yet
            }
            Startup.pause(250);
        }
        throw new DevServiceException(
                PART + ": the restarted container did not become primary within " + timeout.toSeconds() + " s");
    }

    @Override
    public String toString() {
        return "container " + IMAGE;
    }
}
