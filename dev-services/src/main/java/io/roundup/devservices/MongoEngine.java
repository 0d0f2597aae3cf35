package io.roundup.devservices;

/** One way of running a MongoDB server behind {@link MongoServer}. */
interface MongoEngine {

    void start();

    void stop();

    boolean isRunning();

    /** Stops the server and releases what it holds; in-memory or container-only data is gone. */
    void close();

    String host();
}
