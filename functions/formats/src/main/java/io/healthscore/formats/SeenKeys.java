package io.healthscore.formats;

/**
 * Keys already seen in a table, for duplicate-row detection over millions of rows: each key is kept
 * as a 64-bit FNV-1a fingerprint in an open-addressing table (8 bytes a key instead of a String and a
 * map node, about 60 bytes). Two different keys share a fingerprint with a probability near n^2 / 2^65
 * (about 2e-7 for three million keys), which would reject one valid row as a duplicate.
 */
final class SeenKeys {

    private static final long EMPTY = 0L;
    private long[] table = new long[1 << 12];
    private int size;

    /** True when the key is new (and records it); false for a duplicate. */
    boolean add(String key) {
        long h = fingerprint(key);
        if (h == EMPTY) {
            h = 1;
        }
        if ((size + 1) * 2L > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) (mix(h) & mask);
        while (table[i] != EMPTY) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long h : old) {
            if (h != EMPTY) {
                int i = (int) (mix(h) & mask);
                while (table[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[i] = h;
            }
        }
    }

    static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h ^= c & 0xFF;
            h *= 0x100000001b3L;
            h ^= c >>> 8;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
