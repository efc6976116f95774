package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conversations: streamed to the extractor one record at a time; the text is never kept or logged. */
class ConversationTableTest {

    @TempDir
    Path dir;

    /** What streaming the conversations of a folder gave. */
    private record Streamed(List<Conversation> records, RejectLog log, AccountBook book) {
    }

    private Streamed stream(ExportFolder folder) {
        Loaded crm = folder.load();
        List<Conversation> records = new ArrayList<>();
        RejectLog log = new RejectLog();
        AccountBook book = crm.book();
        new ConversationTable(folder.files()).stream(book::contains, book::skipOutOfScope, records::add, log);
        return new Streamed(records, log, book);
    }

    private ExportFolder crm() {
        return new ExportFolder(dir).valid("crm_accounts.csv");
    }

    @Test
    void recordsCarryTheTextToTheExtractorWithUtcDates() {
        Streamed s = stream(crm().valid("conversations.csv"));

        assertThat(s.log().rejects()).isEmpty();
        assertThat(s.records()).containsExactly(
                new Conversation("CONV-1", "acc-1", LocalDate.of(2026, 10, 28), "call",
                        "We love the new dashboards, and the team wants more seats."),
                new Conversation("CONV-2", "acc-2", LocalDate.of(2026, 10, 29), "email",
                        "Our CFO asked us to review all vendors\nbefore the renewal."),
                new Conversation("CONV-3", "acc-3", LocalDate.of(2026, 10, 31), null, "Thanks, that fixed it."));
    }

    @Test
    void printingAStreamedConversationNeverShowsItsText() {
        Streamed s = stream(crm().valid("conversations.csv"));

        assertThat(s.records()).map(Conversation::toString)
                .noneMatch(t -> t.contains("vendors"))
                .contains("Conversation[CONV-2, account acc-2, 2026-10-29, email, 58 chars]");
    }

    @Test
    void presentOnlyWhenAConversationsFileExists() {
        assertThat(new ConversationTable(crm().files()).present()).isFalse();
        assertThat(new ConversationTable(crm().valid("conversations.jsonl").files()).present()).isTrue();
    }

    @Test
    void unknownAccountIsRejectedAndChurnedAccountSkipped() {
        Streamed s = stream(crm().add("cases/conversations/unknown-account.csv", "conversations.csv"));

        assertThat(s.log().rejects()).containsExactly(reject("conversations.csv", 2, "account_id", "unknown_account",
                "account 'acc-404' is not in scope (not in the CRM accounts)"));
        assertThat(s.log().total()).isEqualTo(1);
        assertThat(s.book().outOfScopeRows()).isEqualTo(1);
        assertThat(s.records()).extracting(Conversation::conversationId).containsExactly("CONV-1", "CONV-4");
    }

    @Test
    void emptyTextIsRejected() {
        Streamed s = stream(crm().add("cases/conversations/empty-text.csv", "conversations.csv"));

        assertThat(s.log().rejects()).containsExactly(reject("conversations.csv", 2, "text", "missing_value", "'text' is empty"));
        assertThat(s.log().total()).isEqualTo(1);
        assertThat(s.records()).extracting(Conversation::conversationId).containsExactly("CONV-1", "CONV-3");
    }

    @Test
    void repeatedConversationIdIsRejected() {
        Streamed s = stream(crm().add("cases/conversations/duplicate-id.jsonl", "conversations.jsonl"));

        assertThat(s.log().rejects()).containsExactly(reject("conversations.jsonl", 2, "conversation_id", "duplicate_row",
                "duplicate of an earlier row with conversation_id 'CONV-1'"));
        assertThat(s.log().total()).isEqualTo(1);
        assertThat(s.records()).extracting(Conversation::conversationId).containsExactly("CONV-1", "CONV-3");
    }

    @Test
    void tenMegabyteCsvFieldRejectsItsRowAndKeepsTheNeighbours() {
        String huge = "a".repeat(10_000_000);
        String csv = "conversation_id,account_id,occurred_at,channel,text\n"
                + "CONV-1,acc-1,2026-10-28T15:00:00Z,call,We love the new dashboards.\n"
                + "CONV-2,acc-2,2026-10-29T09:00:00Z,email," + huge + "\n"
                + "CONV-3,acc-3,2026-10-30T18:45:00-07:00,chat,Thanks.\n";
        Streamed s = stream(crm().write("conversations.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(s.log().rejects()).containsExactly(reject("conversations.csv", 2, "text", "cell_too_long",
                "'text' has 10000000 characters; the limit is 1000000"));
        assertThat(s.log().total()).isEqualTo(1);
        assertThat(s.records()).extracting(Conversation::conversationId).containsExactly("CONV-1", "CONV-3");
    }

    @Test
    void tenMegabyteJsonLineRejectsItsRowAndKeepsTheNeighbours() {
        String hugeLine = "{\"conversation_id\":\"CONV-2\",\"account_id\":\"acc-2\",\"occurred_at\":\"2026-10-29T09:00:00Z\","
                + "\"channel\":\"email\",\"text\":\"" + "a".repeat(10_000_000) + "\"}";
        String jsonl = "{\"conversation_id\":\"CONV-1\",\"account_id\":\"acc-1\",\"occurred_at\":\"2026-10-28T15:00:00Z\","
                + "\"channel\":\"call\",\"text\":\"We love the new dashboards.\"}\n"
                + hugeLine + "\n"
                + "{\"conversation_id\":\"CONV-3\",\"account_id\":\"acc-3\",\"occurred_at\":\"2026-10-30T18:45:00-07:00\","
                + "\"channel\":\"chat\",\"text\":\"Thanks.\"}\n";
        Streamed s = stream(crm().write("conversations.jsonl", jsonl.getBytes(StandardCharsets.UTF_8)));

        assertThat(s.log().rejects()).containsExactly(reject("conversations.jsonl", 2, null, "row_too_long",
                "line has " + hugeLine.length() + " characters"));
        assertThat(s.log().total()).isEqualTo(1);
        assertThat(s.records()).extracting(Conversation::conversationId).containsExactly("CONV-1", "CONV-3");
    }

    @Test
    void overLongTextWithinALineRejectsTheCellByName() {
        String jsonl = "{\"conversation_id\":\"CONV-2\",\"account_id\":\"acc-2\",\"occurred_at\":\"2026-10-29\","
                + "\"channel\":\"email\",\"text\":\"" + "a".repeat(TableReader.MAX_CELL_CHARS + 1) + "\"}\n";
        Streamed s = stream(crm().write("conversations.jsonl", jsonl.getBytes(StandardCharsets.UTF_8)));

        assertThat(s.log().rejects()).containsExactly(reject("conversations.jsonl", 1, "text", "cell_too_long",
                "'text' is longer than 1000000 characters"));
        assertThat(s.records()).isEmpty();
    }

    @Test
    void malformedJsonNeverCopiesConversationTextIntoTheRejectLog() {
        Streamed s = stream(crm().add("cases/conversations/broken-json-text.jsonl", "conversations.jsonl"));

        assertThat(s.log().rejects()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.reason()).startsWith("bad_json: ").doesNotContain("CompetitorX");
        });
        assertThat(s.records()).extracting(Conversation::conversationId).containsExactly("CONV-1", "CONV-3");
    }
}
