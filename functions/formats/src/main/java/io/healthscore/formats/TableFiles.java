package io.healthscore.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where table files live: a local directory, or an S3 prefix. A table may be one file or several parts
 * ({@code usage_weekly.csv.gz}, {@code usage_weekly-0001.csv.gz}, ...).
 */
public interface TableFiles {

    /** A file of a table: its name (with extension, used in rejects) and a way to open it. */
    record TableFile(String name, Opener opener) {
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** The files of a table, in a stable order; empty when the table is absent. */
    List<TableFile> find(ExportTable table);

    /** True when a file name is a part of the table: base name, optional -suffix, known extension. */
    static boolean belongsTo(String fileName, ExportTable table) {
        String base = table.baseName();
        if (!fileName.startsWith(base)) {
            return false;
        }
        String rest = fileName.substring(base.length());
        if (rest.startsWith("-")) {
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return false;
            }
            rest = rest.substring(dot);
        }
        return rest.equals(".csv") || rest.equals(".csv.gz") || rest.equals(".jsonl") || rest.equals(".jsonl.gz");
    }
}
