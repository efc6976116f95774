package io.healthscore.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.run.AccountBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps docs/export-formats.md true: each table's column list matches {@link ExportTable}, its CSV and
 * JSON Lines examples load without a reject and give the same facts, and the reason-code table lists
 * exactly the codes the readers emit.
 */
class ExportFormatsDocTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final String DOC = read(repositoryFile("docs/export-formats.md"));

    @TempDir
    Path dir;

    private static Path repositoryFile(String relative) {
        for (Path p = MODULE.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + MODULE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text under "### `name`" up to the next heading of level 2 or 3. */
    private static String section(String table) {
        int start = DOC.indexOf("### `" + table + "`\n");
        assertThat(start).as("section for %s", table).isNotNegative();
        Matcher next = Pattern.compile("\n##+ ").matcher(DOC);
        int end = next.find(start + 1) ? next.start() : DOC.length();
        return DOC.substring(start, end);
    }

    private static String block(String section, String language) {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(m.find()).as("a ```%s example", language).isTrue();
        return m.group(1);
    }

    /** Column name to its "required" cell, from the rows of the section's column table. */
    private static List<String[]> columnRows(String section) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z_0-9]+)` \\|[^|]*\\|[^|]*\\| (yes|column|no) \\|").matcher(section);
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2)});
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(ExportTable.class)
    void columnTableMatchesTheDeclaredColumns(ExportTable table) {
        List<String[]> rows = columnRows(section(table.baseName()));

        assertThat(rows.stream().filter(r -> !r[1].equals("no")).map(r -> r[0]))
                .containsExactlyElementsOf(table.required());
        assertThat(rows.stream().filter(r -> r[1].equals("no")).map(r -> r[0]))
                .containsExactlyElementsOf(table.optional());
    }

    /** Everything the readers produced from one folder. */
    private record Read(List<AccountFacts> facts, List<Conversation> conversations, List<RenewalOutcome> outcomes,
                        long rejects, long rows) {
    }

    private Read load(ExportTable table, String language) throws IOException {
        ExportFolder folder = new ExportFolder(Files.createDirectory(dir.resolve(language)));
        String ext = language.equals("csv") ? ".csv" : ".jsonl";
        if (table != ExportTable.CRM_ACCOUNTS) {
            folder.write("crm_accounts.csv", block(section("crm_accounts"), "csv").getBytes(StandardCharsets.UTF_8));
        }
        String name = table.baseName() + ext;
        folder.write(name, block(section(table.baseName()), language).getBytes(StandardCharsets.UTF_8));
        Loaded loaded = folder.load();
        AccountBook book = loaded.book();
        List<Conversation> conversations = new ArrayList<>();
        List<TableReader.FileStats> stats = new ArrayList<>(loaded.stats());
        stats.addAll(new ConversationTable(folder.files()).stream(book::contains, book::skipOutOfScope, conversations::add,
                loaded.log()));
        List<RenewalOutcome> outcomes = OutcomeTable.read(folder.files(), loaded.log());
        long rows = table == ExportTable.RENEWAL_OUTCOMES ? outcomes.size()
                : stats.stream().filter(s -> s.file().equals(name)).mapToLong(TableReader.FileStats::rows).sum();
        return new Read(book.facts(), conversations, outcomes, loaded.log().total(), rows);
    }

    @ParameterizedTest
    @EnumSource(ExportTable.class)
    void examplesLoadWithoutRejectsAndCsvAndJsonLinesAgree(ExportTable table) throws IOException {
        Read csv = load(table, "csv");
        Read jsonl = load(table, "jsonl");

        assertThat(csv.rejects()).isZero();
        assertThat(jsonl.rejects()).isZero();
        assertThat(csv.rows()).isPositive().isEqualTo(jsonl.rows());
        assertThat(jsonl.facts()).isEqualTo(csv.facts());
        assertThat(jsonl.conversations()).isEqualTo(csv.conversations());
        assertThat(jsonl.outcomes()).isEqualTo(csv.outcomes());
    }

    @Test
    void reasonCodeTableListsExactlyTheCodesTheReadersEmit() throws IOException {
        Set<String> emitted = new TreeSet<>();
        Pattern code = Pattern.compile("(?:RowRejected|reject)\\([^;]*?,\\s*\"([a-z0-9_]+)\",\\s*(?:\"|e\\.getMessage|problem|\\n)",
                Pattern.DOTALL);
        try (Stream<Path> sources = Files.list(MODULE.resolve("src/main/java/io/healthscore/formats"))) {
            for (Path source : sources.toList()) {
                Matcher m = code.matcher(read(source));
                while (m.find()) {
                    emitted.add(m.group(1));
                }
            }
        }
        String table = DOC.substring(DOC.indexOf("### Reason codes"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(emitted).hasSizeGreaterThan(20);
        assertThat(documented).isEqualTo(emitted);
    }
}
