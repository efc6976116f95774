package io.healthscore.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.ConversationTable;
import io.healthscore.formats.CrmTables;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.ExportTables;
import io.healthscore.formats.OutcomeTable;
import io.healthscore.formats.RenewalOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every generated table is read by the product's own readers with zero rejects. */
class ProductReadersTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}, gzip {1}, {2} weeks to {3}")
    @CsvSource({"csv,false,56,2026-11-16", "jsonl,true,56,2026-11-16", "csv,true,80,2026-06-10", "jsonl,false,52,2027-01-01"})
    void everyTableParsesWithoutRejects(String format, boolean gzip, int weeks, LocalDate asOf) throws IOException {
        GeneratorSettings settings = GeneratorSettings.defaults().withSeed(3).withAccounts(600).withFormat(format).withGzip(gzip)
                .withWeeks(weeks).withAsOf(asOf);
        GeneratedBook generated = new SampleGenerator(settings).writeTo(tmp);
        DirectoryTableFiles files = new DirectoryTableFiles(tmp);
        RejectLog rejects = new RejectLog();
        AccountBook book = new AccountBook();

        new CrmTables(files).loadAccounts(book, settings.asOf(), rejects);
        new ExportTables(files, null).loadExports(book, settings.asOf(), rejects);
        AtomicLong inScope = new AtomicLong();
        ConversationTable conversations = new ConversationTable(files);
        conversations.stream(book::contains, book::skipOutOfScope, c -> inScope.incrementAndGet(), rejects);
        List<RenewalOutcome> outcomes = OutcomeTable.read(files, rejects);

        assertThat(rejects.rejects()).isEmpty();
        assertThat(rejects.total()).isZero();
        assertThat(conversations.present()).isTrue();
        assertThat(book.size()).isEqualTo(generated.accounts() - generated.churnedAccounts());
        assertThat(book.outOfScopeAccounts()).isEqualTo(generated.churnedAccounts());
        assertThat(book.outOfScopeRows()).isPositive();
        assertThat(book.loadedSources()).containsAll(EnumSet.of(FactSource.CRM, FactSource.CONTACTS, FactSource.ACTIVITIES,
                FactSource.USAGE, FactSource.BILLING, FactSource.SUPPORT, FactSource.SURVEYS));
        assertThat(inScope.get()).isPositive().isLessThanOrEqualTo(generated.rows("conversations"));
        assertThat(outcomes).hasSize((int) generated.rows("renewal_outcomes"));
        assertThat(outcomes).extracting(RenewalOutcome::outcome).contains(RenewalOutcome.Outcome.values());

        List<AccountFacts> facts = book.facts();
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.renewal()).as("open renewal of %s", f.accountId()).isNotNull();
            assertThat(f.renewal().renewalDate()).isAfter(settings.asOf());
            assertThat(f.contacts()).isNotEmpty();
        });
        long withUsage = facts.stream().filter(f -> !f.usage().isEmpty()).count();
        assertThat(withUsage).isLessThan(facts.size()).isGreaterThan(facts.size() * 9 / 10);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"csv,jsonl", "jsonl,csv"})
    void regeneratingInAnotherFormatLeavesNoStaleTables(String first, String second) throws IOException {
        GeneratorSettings settings = GeneratorSettings.defaults().withAccounts(20);
        new SampleGenerator(settings.withFormat(first)).writeTo(tmp);
        GeneratedBook again = new SampleGenerator(settings.withFormat(second).withGzip(true)).writeTo(tmp);

        try (var listing = Files.list(tmp)) {
            assertThat(listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList())
                    .allSatisfy(name -> assertThat(name).matches(".*\\." + second + "\\.gz|conversations\\.jsonl\\.gz"))
                    .hasSize(9);
        }
        assertThat(again.files()).hasSize(12);
    }
}
