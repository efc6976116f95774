package io.healthscore.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Table files in one local directory (not recursive). */
public final class DirectoryTableFiles implements TableFiles {

    private final Path dir;

    public DirectoryTableFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("input directory " + dir + " does not exist or is not a directory");
        }
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public List<TableFile> find(ExportTable table) {
        List<TableFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> TableFiles.belongsTo(p.getFileName().toString(), table))
                    .sorted()
                    .forEach(p -> out.add(new TableFile(p.getFileName().toString(), () -> Files.newInputStream(p))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }
}
