package io.healthscore.sampledata;

/**
 * The rendered rows of a run of consecutive accounts, one buffer per file, plus their tallies. Chunks are
 * rendered in parallel and written in book order.
 */
final class BookChunk {

    private final StringBuilder[] buffers;
    private final RowEncoder[] encoders;
    final int[] archetypes = new int[Archetype.values().length];
    int churned;
    int sparse;

    BookChunk(GeneratorSettings settings, int accounts) {
        BookFile[] files = BookFile.values();
        buffers = new StringBuilder[files.length];
        encoders = new RowEncoder[files.length];
        for (BookFile f : files) {
            double conversations = settings.conversationsPerAccountPerYear() * settings.weeks() / 52.0;
            int perAccount = switch (f) {
                case CONVERSATIONS -> (int) (conversations * 900 + 64);
                case TRUTH_LABELS -> (int) (conversations * 230 + 64);
                case USAGE_WEEKLY -> settings.weeks() * 56;
                case CRM_ACTIVITIES -> 2_200;
                case SUPPORT_TICKETS -> 1_200;
                case INVOICES -> 900;
                case SURVEYS -> 700;
                case CRM_CONTACTS -> 500;
                default -> 256;
            };
            StringBuilder b = new StringBuilder(Math.max(1024, Math.min(1 << 24, perAccount * accounts)));
            buffers[f.ordinal()] = b;
            encoders[f.ordinal()] = new RowEncoder(f.syntax(settings), f.columns(), f.given(), b);
        }
    }

    RowEncoder rows(BookFile file) {
        return encoders[file.ordinal()];
    }

    StringBuilder text(BookFile file) {
        return buffers[file.ordinal()];
    }

    long rowCount(BookFile file) {
        return encoders[file.ordinal()].rows();
    }
}
