package io.healthscore.sampledata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a generation wrote.
 *
 * @param directory        the output directory
 * @param accounts         accounts generated
 * @param churnedAccounts  accounts that churned at a renewal inside the window (crm_accounts.churned_on set)
 * @param sparseAccounts   accounts with no usage feed, surveys, conversations or invoices (insufficient signal)
 * @param rowsByTable      data rows per file, keyed by table base name ({@code usage_weekly}) or
 *                         ground-truth path ({@code ground-truth/accounts}), in writing order
 * @param archetypes       accounts per archetype
 * @param files            every file written, tables first, then the ground truth
 */
public record GeneratedBook(
        Path directory,
        int accounts,
        int churnedAccounts,
        int sparseAccounts,
        Map<String, Long> rowsByTable,
        Map<Archetype, Integer> archetypes,
        List<Path> files) {

    public GeneratedBook {
        rowsByTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsByTable));
        archetypes = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(archetypes));
        files = List.copyOf(files);
    }

    /** Data rows of a table or ground-truth file (0 when unknown). */
    public long rows(String table) {
        return rowsByTable.getOrDefault(table, 0L);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("GeneratedBook[").append(accounts).append(" accounts, ")
                .append(churnedAccounts).append(" churned, ").append(sparseAccounts).append(" sparse; rows ")
                .append(rowsByTable).append("; archetypes {");
        boolean first = true;
        for (Map.Entry<Archetype, Integer> e : archetypes.entrySet()) {
            b.append(first ? "" : ", ").append(e.getKey().wireName()).append('=').append(e.getValue());
            first = false;
        }
        return b.append("}; ").append(files.size()).append(" files in ").append(directory).append(']').toString();
    }
}
