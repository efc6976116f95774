package io.healthscore.sampledata;

/**
 * Record ids shaped like the source systems': 18-character Salesforce ids with the object's key prefix
 * (001 Account, 003 Contact, 005 User, 006 Opportunity, 00T Task, 500 Case) and readable billing,
 * survey and conversation ids. Each embeds the account position and a per-account sequence, so ids are
 * unique and stable.
 */
final class RecordIds {

    private RecordIds() {
    }

    static String account(int index) {
        return salesforce("001", index, 0);
    }

    static String contact(int index, int seq) {
        return salesforce("003", index, seq);
    }

    static String opportunity(int index, int seq) {
        return salesforce("006", index, seq);
    }

    static String activity(int index, int seq) {
        return salesforce("00T", index, seq);
    }

    static String supportCase(int index, int seq) {
        return salesforce("500", index, seq);
    }

    static String user(long number) {
        StringBuilder b = new StringBuilder(18).append("005Hs");
        pad(b, number, 11);
        return b.append("AA").toString();
    }

    static String invoice(int index, int seq) {
        StringBuilder b = new StringBuilder(16).append("INV-");
        pad(b, index + 1L, 7);
        b.append('-');
        pad(b, seq, 3);
        return b.toString();
    }

    static String surveyResponse(int index, int seq) {
        StringBuilder b = new StringBuilder(16).append("RSP-");
        pad(b, index + 1L, 7);
        b.append('-');
        pad(b, seq, 3);
        return b.toString();
    }

    static String conversation(int index, int seq) {
        StringBuilder b = new StringBuilder(18).append("CONV-");
        pad(b, index + 1L, 7);
        b.append('-');
        pad(b, seq, 4);
        return b.toString();
    }

    private static String salesforce(String prefix, int index, int seq) {
        StringBuilder b = new StringBuilder(18).append(prefix).append("Hs");
        pad(b, index + 1L, 7);
        pad(b, seq, 4);
        return b.append("AA").toString();
    }

    /** Appends a non-negative number zero-padded to at least width digits. */
    static void pad(StringBuilder b, long value, int width) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            b.append('0');
        }
        b.append(value);
    }
}
