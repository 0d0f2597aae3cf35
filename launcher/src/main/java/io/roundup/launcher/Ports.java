package io.roundup.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback port helpers: a free one for tests, a check that a fixed one is free for the local run. */
final class Ports {

    private Ports() {
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException("No free loopback port", ex);
        }
    }

    static void requireFree(String part, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        }
        catch (IOException ex) {
            throw new StartupFailure(part, "port " + port + " is already in use (is another Roundup running?)");
        }
    }
}
