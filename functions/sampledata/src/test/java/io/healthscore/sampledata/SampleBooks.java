package io.healthscore.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Books shared by the tests of one JVM (generating 2,000 accounts takes seconds, so it is done once),
 * and plain readers for the files.
 */
final class SampleBooks {

    static final int STANDARD_ACCOUNTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path standardDir;
    private static GeneratedBook standard;

    private SampleBooks() {
    }

    /** The 2,000-account book with default settings and seed 7, generated on first use. */
    static synchronized GeneratedBook standard() {
        if (standard == null) {
            try {
                standardDir = Files.createTempDirectory("sample-book-");
                standard = new SampleGenerator(GeneratorSettings.defaults().withSeed(7).withAccounts(STANDARD_ACCOUNTS))
                        .writeTo(standardDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = standardDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        }
        return standard;
    }

    static List<Map<String, String>> csv(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                rows.add(new LinkedHashMap<>(rec.toMap()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> jsonLines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<JsonNode> out = new ArrayList<>();
            lines.forEach(l -> {
                try {
                    out.add(JSON.readTree(l));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
