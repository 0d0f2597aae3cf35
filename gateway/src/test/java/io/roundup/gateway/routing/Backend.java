package io.roundup.gateway.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One copy of a service, as plain HTTP/1.1 over a socket so that it can also fail the way a dying process does:
 * stopped (connections refused), or taking a request and closing the connection without a word. It answers
 * readiness checks itself and records every other request's method and path.
 */
final class Backend implements AutoCloseable {

    private static final String READINESS = "/actuator/health/readiness";

    private final ServerSocket socket;

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private final List<String> received = new CopyOnWriteArrayList<>();

    private final String name;

    private volatile int readiness = 200;

    private volatile boolean dropRequests;

    private volatile int status = 200;

    Backend(String name) {
        this.name = name;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        threads.execute(this::accept);
    }

    String uri() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    String instanceId() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** "GET /api/search" for each request it received, readiness checks aside. */
    List<String> received() {
        return List.copyOf(received);
    }

    void readiness(int status) {
        readiness = status;
    }

    /** The status its answers carry from now on (readiness checks aside). */
    void answerWith(int status) {
        this.status = status;
    }

    /** From now on it reads each request and closes the connection before answering, like a process being killed. */
    void dropRequests() {
        dropRequests = true;
    }

    /** Stops listening: connections are refused from now on. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ex) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                threads.execute(() -> serve(connection));
            } catch (IOException ex) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = connection.getOutputStream();
            while (true) {
                String requestLine = in.readLine();
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                int length = 0;
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    if (header.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).strip());
                    }
                }
                in.skip(length);
                String[] parts = requestLine.split(" ");
                String path = parts[1];
                if (path.equals(READINESS)) {
                    write(out, readiness, "");
                    continue;
                }
                received.add(parts[0] + " " + path.replaceAll("\\?.*", ""));
                if (dropRequests) {
                    connection.setSoLinger(true, 0); // a reset, as the kernel sends for a killed process
                    return;
                }
                write(out, status, "{\"servedBy\":\"" + name + "\"}");
            }
        } catch (IOException ex) {
            // the gateway went away
        }
    }

    private static void write(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }
}
