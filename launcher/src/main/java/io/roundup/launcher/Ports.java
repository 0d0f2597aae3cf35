package io.roundup.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A check that a service's port is free, so that a clash is reported before anything starts. */
final class Ports {

    private Ports() {}

    static void requireFree(String part, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException ex) {
            throw new StartupFailure(part, "port " + port + " is already in use (is another Roundup running?)");
        }
    }
}
