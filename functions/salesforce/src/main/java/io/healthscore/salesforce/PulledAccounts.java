package io.healthscore.salesforce;

import io.healthscore.domain.scoring.HealthField;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the pull saw of each account in scope and the write-back needs: the owner (Tasks fall back to the owner when
 * the manager is missing) and the health fields exactly as the org held them (change detection).
 */
public final class PulledAccounts {

    /** One account as read: owner id and the raw text of each health field (null when empty). */
    public record Pulled(String ownerId, Map<HealthField, String> healthText) {
        public Pulled {
            healthText = Collections.unmodifiableMap(new EnumMap<>(healthText.isEmpty()
                    ? new EnumMap<>(HealthField.class) : healthText));
        }
    }

    private final Map<String, Pulled> accounts = new HashMap<>();

    public synchronized void clear() {
        accounts.clear();
    }

    public synchronized void put(String accountId, String ownerId, Map<HealthField, String> healthText) {
        accounts.put(accountId, new Pulled(ownerId, healthText));
    }

    /** The account as pulled, null when it was not pulled in this run. */
    public synchronized Pulled get(String accountId) {
        return accounts.get(accountId);
    }

    public synchronized int size() {
        return accounts.size();
    }
}
