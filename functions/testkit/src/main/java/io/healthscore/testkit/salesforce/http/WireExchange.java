package io.healthscore.testkit.salesforce.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One HTTP exchange as the Salesforce front door handles it: request bodies may be gzip-encoded (force-wsc
 * compresses by default) and responses are gzipped when the client accepts it, as the real servers do.
 */
public final class WireExchange {
    private final HttpExchange exchange;
    private byte[] body;

    public WireExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /**
     * Request body, decompressed when sent with {@code Content-Encoding: gzip}. force-wsc sends that header on
     * body-less Bulk GETs too, so an empty body stays empty.
     */
    public byte[] body() {
        if (body == null) {
            try (InputStream raw = exchange.getRequestBody()) {
                byte[] bytes = raw.readAllBytes();
                boolean gzipped = "gzip".equalsIgnoreCase(header("Content-Encoding")) && bytes.length > 0;
                body = gzipped ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes() : bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    public void respond(int status, String contentType, String text) {
        respond(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the response; a client that already hung up (read timeout) is ignored. */
    public void respond(int status, String contentType, byte[] payload) {
        try {
            body();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            String accept = header("Accept-Encoding");
            byte[] bytes = payload;
            if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip") && payload.length > 0) {
                bytes = gzip(payload);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // Nothing left to answer: the caller gave up on this exchange.
        } finally {
            exchange.close();
        }
    }

    private static byte[] gzip(byte[] payload) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(payload.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(payload);
        }
        return buffer.toByteArray();
    }
}
