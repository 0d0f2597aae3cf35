package io.roundup.devservices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: finding a free one, checking that a fixed one is free, waiting for a server to listen. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevServiceException("Dev services: no free port on " + LOOPBACK + " (" + e.getMessage() + ")", e);
        }
    }

    /** Returns {@code port}, or a free one when it is 0; fails with a clear message when the port is taken. */
    static int claim(String part, int port) {
        if (port == 0) {
            return free();
        }
        requireFree(part, port);
        return port;
    }

    static void requireFree(String part, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
        } catch (IOException e) {
            throw new DevServiceException(part + ": port " + port + " on " + LOOPBACK + " is already in use", e);
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
