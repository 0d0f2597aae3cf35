package io.roundup.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests that Netty or a service's Tomcat would refuse with an empty or an HTML answer get a problem from the
 * gateway. They are sent over a raw socket: no HTTP client would send most of them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "roundup.auth.users.editor.password=editor-pass",
            "roundup.auth.users.admin.password=admin-pass",
            "roundup.rate-limit.reads.requests=100000"
        })
class MalformedRequestsIT {

    static final StubService articles = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("ROUNDUP_ARTICLE_URI", articles::uri);
        registry.add("ROUNDUP_SEARCH_URI", StubService::unreachableUri);
        registry.add("ROUNDUP_PRODUCT_URI", StubService::unreachableUri);
    }

    @AfterAll
    static void stopServices() {
        articles.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aTargetThatIsNotAUriIsA400Problem() throws IOException {
        for (String target : List.of("/api/articles?tag=%zz", "/api/articles/%zz", "/api/articles?tag=%", "/a%2")) {
            String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400 ");
            assertProblem(answer, 400, "Malformed request address");
        }
        assertThat(articles.receivedNothing()).isTrue();
    }

    @Test
    void aPathThatIsNotPercentEncodedUtf8IsA400Problem() throws IOException {
        for (String target : List.of("/api/articles/a%FFb", "/api/articles/%ED%A0%80", "/api/articles/%C0%AF")) {
            String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertProblem(answer, 400, "Malformed request address");
        }
        assertThat(articles.receivedNothing()).isTrue();
    }

    @Test
    void aRequestLineLongerThanNettyReadsIsA414Problem() throws IOException {
        String answer = send("GET /api/articles?tag=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 414 ");
        assertProblem(answer, 414, "Request address too long");
    }

    @Test
    void headersLargerThanNettyReadsAreA431Problem() throws IOException {
        String answer =
                send("GET /api/articles HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431 ");
        assertProblem(answer, 431, "Request headers too large");
    }

    /** The rest of a refused request may still be arriving: the answer must not be lost to a connection reset. */
    @Test
    void theAnswerToARefusedRequestSurvivesTheRestOfTheRequestArriving() throws IOException {
        String rest = "Authorization: Bearer " + "t".repeat(6000) + "\r\n";
        for (int i = 0; i < 20; i++) {
            String answer = send("GET /api/articles?tag=a b HTTP/1.1\r\nHost: localhost\r\n" + rest + "\r\n");
            assertProblem(answer, 400, "Malformed request");
        }
    }

    @Test
    void wellFormedRequestsStillPassThrough() throws IOException, InterruptedException {
        articles.reset();
        String answer = send("GET /api/articles/%E6%9D%B1?tag=%F0%9F%8E%A7 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"served\":true");
        assertThat(articles.takeRequest().path()).isEqualTo("/api/articles/%E6%9D%B1");
    }

    private static void assertProblem(String answer, int status, String title) {
        assertThat(answer.toLowerCase())
                .contains("content-type: application/problem+json")
                .contains("connection: close");
        assertThat(answer).contains("\"status\":" + status).contains("\"title\":\"" + title + "\"");
    }

    /** Sends the bytes as they are and reads until the gateway closes the connection. */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
