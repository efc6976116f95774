package io.healthscore.testkit.salesforce.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live sessions. Tokens look like real ones ({@code 00D...!AR...}); a session dies after the inactivity timeout
 * (measured on the emulator's clock) or when a test expires every session at once.
 */
public final class SessionRegistry {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final String organizationId15;
    private final Clock clock;
    private final Duration timeout;

    private record Entry(Session session, Instant lastUsed) {
    }

    public SessionRegistry(String organizationId, Clock clock, Duration timeout) {
        this.organizationId15 = organizationId.substring(0, 15);
        this.clock = clock;
        this.timeout = timeout;
    }

    public Session issue(String userId, String username) {
        byte[] secret = new byte[72];
        random.nextBytes(secret);
        String token = organizationId15 + "!AR" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret)
                .replace('-', '.').replace('_', '.');
        Session session = new Session(token, userId, username);
        sessions.put(token, new Entry(session, clock.instant()));
        return session;
    }

    /** The session behind a token, refreshing its inactivity timer; empty when unknown or timed out. */
    public Optional<Session> validate(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Entry entry = sessions.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(entry.lastUsed().plus(timeout))) {
            sessions.remove(token);
            return Optional.empty();
        }
        sessions.put(token, new Entry(entry.session(), now));
        return Optional.of(entry.session());
    }

    public void expireAll() {
        sessions.clear();
    }
}
