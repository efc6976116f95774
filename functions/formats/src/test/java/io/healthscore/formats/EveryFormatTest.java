package io.healthscore.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.run.AccountBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table is accepted as .csv, .csv.gz, .jsonl and .jsonl.gz and gives the same facts in each. The
 * JSON Lines fixtures hold the same rows as the CSV ones, with numbers, booleans and nulls as JSON types.
 */
class EveryFormatTest {

    @TempDir
    Path dir;

    /** Everything the readers produced from one folder. */
    private record Read(List<AccountFacts> facts, List<Conversation> conversations, List<RenewalOutcome> outcomes,
                        long rejects, long rows) {
    }

    static Stream<Arguments> tablesAndFormats() {
        return Stream.of(ExportTable.values())
                .flatMap(t -> Stream.of("csv.gz", "jsonl", "jsonl.gz").map(ext -> Arguments.of(t, ext)));
    }

    private Read read(ExportTable table, String ext) throws IOException {
        ExportFolder folder = new ExportFolder(Files.createDirectory(dir.resolve(ext)));
        if (table != ExportTable.CRM_ACCOUNTS) {
            folder.valid("crm_accounts.csv");
        }
        String name = table.baseName() + "." + ext;
        String source = "valid/" + table.baseName() + (ext.startsWith("jsonl") ? ".jsonl" : ".csv");
        if (ext.endsWith(".gz")) {
            folder.addGzipped(source, name);
        } else {
            folder.add(source, name);
        }
        Loaded loaded = folder.load();
        AccountBook book = loaded.book();
        List<Conversation> conversations = new ArrayList<>();
        List<TableReader.FileStats> stats = new ArrayList<>(loaded.stats());
        stats.addAll(new ConversationTable(folder.files()).stream(book::contains, book::skipOutOfScope, conversations::add,
                loaded.log()));
        List<RenewalOutcome> outcomes = OutcomeTable.read(folder.files(), loaded.log());
        long rows = stats.stream().filter(s -> s.file().equals(name)).mapToLong(TableReader.FileStats::rows).sum();
        if (table == ExportTable.RENEWAL_OUTCOMES) {
            rows = outcomes.size();
        }
        return new Read(book.facts(), conversations, outcomes, loaded.log().total(), rows);
    }

    @ParameterizedTest(name = "{0} as .{1}")
    @MethodSource("tablesAndFormats")
    void givesTheSameFactsAsThePlainCsv(ExportTable table, String ext) throws IOException {
        Read csv = read(table, "csv");
        Read other = read(table, ext);

        assertThat(csv.rejects()).isZero();
        assertThat(csv.rows()).isPositive();
        assertThat(other.rejects()).isZero();
        assertThat(other.rows()).isEqualTo(csv.rows());
        assertThat(other.facts()).isEqualTo(csv.facts());
        assertThat(other.conversations()).isEqualTo(csv.conversations());
        assertThat(other.outcomes()).isEqualTo(csv.outcomes());
    }
}
