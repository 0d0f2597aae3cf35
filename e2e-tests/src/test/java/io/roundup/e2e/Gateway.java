package io.roundup.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client that speaks to the platform only as an outside client would: HTTP and JSON through the gateway. */
final class Gateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Gateway(URI base) {
        this.base = base;
    }

    Response get(String path) {
        return send(request(path).GET(), null);
    }

    Response get(String path, String token) {
        return send(request(path).GET(), token);
    }

    Response post(String path, String token, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)), token);
    }

    Response put(String path, String token, String ifMatch, Object body) {
        HttpRequest.Builder builder =
                request(path).header("Content-Type", "application/json").PUT(json(body));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder, token);
    }

    Response delete(String path, String token) {
        return send(request(path).DELETE(), token);
    }

    String token(String username, String password) {
        Response response = post("/api/auth/token", null, java.util.Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("token for " + username + " refused: " + response);
        }
        return response.json().get("access_token").asString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return body instanceof String text
                ? HttpRequest.BodyPublishers.ofString(text)
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    }

    private Response send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException ex) {
            throw new AssertionError("gateway not reachable: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    record Response(int status, String contentType, String etag, String location, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
