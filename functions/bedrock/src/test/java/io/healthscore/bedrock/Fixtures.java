package io.healthscore.bedrock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the fixture files under src/test/resources/bedrock. */
final class Fixtures {

    private Fixtures() {
    }

    static String response(String name) {
        return read("bedrock/responses/" + name);
    }

    static String transcript(String name) {
        return read("bedrock/transcripts/" + name);
    }

    static String read(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
