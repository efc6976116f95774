package io.healthscore.formats;

import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * An input directory for one test, built from the fixture files under {@code src/test/resources/exports}:
 * {@code valid/} holds one good file per table, {@code cases/<table>/} one file per edge case (mostly bad
 * input). A fixture is copied under the name the readers look for, so a reject names {@code usage_weekly.csv},
 * not the case.
 */
final class ExportFolder {

    /** The as-of date of every test: a Monday. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);

    private final Path dir;

    ExportFolder(Path dir) {
        this.dir = dir;
    }

    /** Copies {@code valid/<fileName>} as {@code fileName}. */
    ExportFolder valid(String fileName) {
        return add("valid/" + fileName, fileName);
    }

    /** Copies a fixture (path under exports/) as {@code asName}. */
    ExportFolder add(String fixture, String asName) {
        return write(asName, fixture(fixture));
    }

    /** Gzips a fixture (path under exports/) into {@code asName}. */
    ExportFolder addGzipped(String fixture, String asName) {
        return write(asName, gzip(fixture(fixture)));
    }

    ExportFolder write(String name, byte[] bytes) {
        try {
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path dir() {
        return dir;
    }

    TableFiles files() {
        return new DirectoryTableFiles(dir);
    }

    /** Reads the CRM tables, then the exports, keeping all usage history. */
    Loaded load() {
        return load(null);
    }

    Loaded load(Integer usageRetentionWeeks) {
        AccountBook book = new AccountBook();
        RejectLog rejects = new RejectLog();
        CrmTables crm = new CrmTables(files());
        crm.loadAccounts(book, AS_OF, rejects);
        ExportTables exports = new ExportTables(files(), usageRetentionWeeks);
        exports.loadExports(book, AS_OF, rejects);
        List<TableReader.FileStats> stats = new ArrayList<>(crm.fileStats());
        stats.addAll(exports.fileStats());
        return new Loaded(book, rejects, stats);
    }

    static byte[] fixture(String path) {
        try (InputStream in = ExportFolder.class.getResourceAsStream("/exports/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture exports/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
