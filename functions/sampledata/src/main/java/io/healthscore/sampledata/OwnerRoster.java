package io.healthscore.sampledata;

import io.healthscore.domain.facts.Segment;

/**
 * Account owners. CSMs work one segment: about 40 SMB accounts each (pooled), 25 mid-market, 8
 * enterprise; a manager leads seven CSMs. Accounts are dealt to CSMs in book order, so the first
 * accounts keep their owners when the book grows.
 */
final class OwnerRoster {

    private static final int[] ACCOUNTS_PER_CSM = {40, 25, 8};
    private static final int CSMS_PER_MANAGER = 7;

    /** An account owner. */
    record Owner(String userId, String name, String managerId) {
    }

    private final int[] dealt = new int[Segment.values().length];

    /** The CSM slot (per segment) of the next account of the segment. */
    int next(Segment segment) {
        return dealt[segment.ordinal()]++ / ACCOUNTS_PER_CSM[segment.ordinal()];
    }

    static Owner owner(Segment segment, int slot) {
        long csm = (segment.ordinal() + 1) * 100_000L + slot + 1;
        long manager = 900_000L + (segment.ordinal() + 1) * 1_000L + slot / CSMS_PER_MANAGER + 1;
        return new Owner(RecordIds.user(csm), NameBank.forUser(csm), RecordIds.user(manager));
    }
}
