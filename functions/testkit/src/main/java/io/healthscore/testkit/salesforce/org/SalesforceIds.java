package io.healthscore.testkit.salesforce.org;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues 18-character ids shaped like real ones: key prefix, pod, a base-62 counter and the case-safe checksum
 * suffix computed the way Salesforce does, so {@code to18(id.substring(0, 15))} round-trips.
 */
public final class SalesforceIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String POD = "8d";
    private final AtomicLong counter = new AtomicLong(1_000_000L);

    /** A new id with the given 3-character key prefix (001 Account, 750 Bulk job, 01g query locator...). */
    public String next(String keyPrefix) {
        if (keyPrefix.length() != 3) {
            throw new IllegalArgumentException("key prefix must have 3 characters: " + keyPrefix);
        }
        StringBuilder body = new StringBuilder();
        long value = counter.incrementAndGet();
        while (value > 0) {
            body.insert(0, BASE62.charAt((int) (value % 62)));
            value /= 62;
        }
        while (body.length() < 10) {
            body.insert(0, '0');
        }
        return to18(keyPrefix + POD + body);
    }

    /** Appends the case-safe suffix to a 15-character id; an 18-character id is returned unchanged. */
    public static String to18(String id) {
        if (id.length() == 18) {
            return id;
        }
        if (id.length() != 15) {
            throw new IllegalArgumentException("not a Salesforce id: " + id);
        }
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int flags = 0;
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << i;
                }
            }
            suffix.append(CHECKSUM.charAt(flags));
        }
        return id + suffix;
    }

    /** True when both ids name the same record (15- and 18-character forms compare equal). */
    public static boolean sameId(String a, String b) {
        if (a == null || b == null || a.length() < 15 || b.length() < 15) {
            return false;
        }
        return a.regionMatches(0, b, 0, 15);
    }

    public static boolean looksLikeId(String text) {
        if (text == null || (text.length() != 15 && text.length() != 18)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (BASE62.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
