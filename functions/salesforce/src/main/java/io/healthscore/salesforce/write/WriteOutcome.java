package io.healthscore.salesforce.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a write pass did: written keys (and how many were created), failures by key, what was never attempted. */
final class WriteOutcome {

    final List<String> written = new ArrayList<>();
    int created;
    final Map<String, String> failed = new LinkedHashMap<>();
    final List<String> notWritten = new ArrayList<>();
    int calls;
    String stopReason;

    boolean stopped() {
        return stopReason != null;
    }
}
