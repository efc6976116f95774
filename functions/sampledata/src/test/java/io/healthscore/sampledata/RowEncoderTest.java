package io.healthscore.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class RowEncoderTest {

    private static final List<String> COLUMNS = List.of("id", "name", "amount", "on", "at", "flag", "missing");
    private static final String AWKWARD = "Acme, Inc. \"quoted\"\nsecond line \\ Zürich";

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesNoValueEmpty() throws IOException {
        StringBuilder out = new StringBuilder(RowEncoder.header(RowEncoder.Syntax.CSV, COLUMNS));
        write(new RowEncoder(RowEncoder.Syntax.CSV, COLUMNS, out));

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(1);
        CSVRecord r = records.get(0);
        assertThat(r.get("name")).isEqualTo(AWKWARD);
        assertThat(r.get("amount")).isEqualTo("-1234.05");
        assertThat(r.get("on")).isEqualTo("2026-11-02");
        assertThat(r.get("at")).isEqualTo("2026-11-02T14:03:00Z");
        assertThat(r.get("flag")).isEqualTo("true");
        assertThat(r.get("missing")).isEmpty();
    }

    @Test
    void jsonLinesEscapeTextAndOmitNoValue() throws IOException {
        StringBuilder out = new StringBuilder();
        write(new RowEncoder(RowEncoder.Syntax.JSON_LINES, COLUMNS, out));

        assertThat(out.toString()).endsWith("}\n").doesNotContain("missing");
        JsonNode node = new ObjectMapper().readTree(out.toString());
        assertThat(node.get("name").asText()).isEqualTo(AWKWARD);
        assertThat(node.get("amount").decimalValue()).isEqualByComparingTo("-1234.05");
        assertThat(node.get("id").asInt()).isEqualTo(7);
        assertThat(node.get("flag").asBoolean()).isTrue();
    }

    @Test
    void decimalsKeepTheirLeadingZeros() {
        StringBuilder out = new StringBuilder();
        RowEncoder e = new RowEncoder(RowEncoder.Syntax.CSV, List.of("a", "b", "c"), out);
        e.decimal(0.007, 3).cents(5).decimal(0.5, 3).end();
        assertThat(out.toString()).isEqualTo("0.007,0.05,0.500\n");
    }

    @Test
    void columnsTheProductAddsStayEmptyAndColumnsItDropsAreSkipped() {
        List<String> header = List.of("id", "new_first", "name", "added_later");
        List<String> given = List.of("id", "name", "retired");
        StringBuilder csv = new StringBuilder();
        new RowEncoder(RowEncoder.Syntax.CSV, header, given, csv).text("a").text("b").integer(3).end();
        StringBuilder json = new StringBuilder();
        new RowEncoder(RowEncoder.Syntax.JSON_LINES, header, given, json).text("a").text("b").integer(3).end();

        assertThat(csv.toString()).isEqualTo("a,,b,\n");
        assertThat(json.toString()).isEqualTo("{\"id\":\"a\",\"name\":\"b\"}\n");
    }

    @Test
    void givenColumnsMustKeepTheHeaderOrder() {
        assertThatThrownBy(() -> new RowEncoder(RowEncoder.Syntax.CSV, List.of("a", "b"), List.of("b", "a"), new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comes before");
    }

    @Test
    void aRowMustFillEveryColumn() {
        RowEncoder e = new RowEncoder(RowEncoder.Syntax.CSV, List.of("a", "b"), new StringBuilder());
        e.text("x");
        assertThatThrownBy(e::end).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 values for 2 columns");
    }

    private static void write(RowEncoder e) {
        e.integer(7).text(AWKWARD).cents(-123_405).date(LocalDate.of(2026, 11, 2).toEpochDay())
                .timestamp(LocalDate.of(2026, 11, 2).toEpochDay(), 14 * 60 + 3).bool(true).none().end();
    }
}
