package io.roundup.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the requests that never reach Spring with a problem instead of Netty's empty 400, 414 or 431: a request line
 * longer than Netty reads (4 KB), headers too large, a request target that is not a URI ({@code %zz}, a raw space)
 * and one whose path is not percent-encoded UTF-8 ({@code /api/articles/%FF}, which a service's Tomcat would refuse
 * with an HTML page). The connection is closed after the answer, as Netty does for these, but gently.
 */
@Component
class MalformedRequests implements NettyServerCustomizer {

    private static final String HANDLER = "roundup.malformedRequests";

    private static final Duration LINGER = Duration.ofSeconds(2);

    private final JsonMapper json;

    MalformedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(HANDLER) == null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, new Refusals());
            }
        });
    }

    /** What is wrong with the request, or null when Spring can take it from here. */
    static Refusal refusal(DecoderResult decoded, String target) {
        if (decoded.isFailure()) {
            Throwable cause = decoded.cause();
            if (cause instanceof TooLongHttpLineException) {
                return new Refusal(
                        HttpResponseStatus.REQUEST_URI_TOO_LONG,
                        "Request address too long",
                        "The request line is longer than the gateway accepts; shorten the address.");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return new Refusal(
                        HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "Request headers too large",
                        "The request headers are larger than the gateway accepts.");
            }
            return new Refusal(HttpResponseStatus.BAD_REQUEST, "Malformed request", "The request is not valid HTTP.");
        }
        try {
            URI uri = new URI(target);
            String path = uri.getRawPath();
            if (path != null && !isPercentEncodedUtf8(path)) {
                return badAddress();
            }
        } catch (URISyntaxException ex) {
            return badAddress();
        }
        return null;
    }

    private static Refusal badAddress() {
        return new Refusal(
                HttpResponseStatus.BAD_REQUEST,
                "Malformed request address",
                "The request address is not a valid URI of percent-encoded UTF-8.");
    }

    static boolean isPercentEncodedUtf8(String raw) {
        if (raw.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.put((byte) Integer.parseInt(raw, i + 1, i + 3, 16)); // URI checked the escape already
                i += 2;
            } else if (c <= 0x7f) {
                bytes.put((byte) c);
            } else {
                return false;
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException ex) {
            return false;
        }
    }

    record Refusal(HttpResponseStatus status, String title, String detail) {}

    /** One per connection: after a refusal the rest of that request is dropped and the connection closes. */
    private final class Refusals extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request) {
                Refusal refusal = refusal(request.decoderResult(), request.uri());
                if (refusal != null) {
                    refused = true;
                    ReferenceCountUtil.release(msg);
                    ctx.writeAndFlush(response(refusal)).addListener(written -> lingeringClose(ctx));
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }

        /**
         * Closing at once would make the kernel answer the rest of a request still on its way with a reset, and a
         * client that has not read the answer yet loses it. So only the sending side closes; what still arrives is
         * dropped until the client closes too, or {@link #LINGER} has passed.
         */
        private void lingeringClose(ChannelHandlerContext ctx) {
            if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
                duplex.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                ctx.close();
            }
        }

        private FullHttpResponse response(Refusal refusal) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("title", refusal.title());
            problem.put("status", refusal.status().code());
            problem.put("detail", refusal.detail());
            byte[] body = json.writeValueAsBytes(problem);
            FullHttpResponse response =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, refusal.status(), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            return response;
        }
    }
}
