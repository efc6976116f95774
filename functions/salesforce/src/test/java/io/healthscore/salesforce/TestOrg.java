package io.healthscore.salesforce;

import io.healthscore.salesforce.auth.JwtBearerCredentials;
import io.healthscore.salesforce.auth.SalesforceCredentials;
import io.healthscore.salesforce.call.CallSettings;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.oauth.ConnectedAppCredentials;
import io.healthscore.testkit.salesforce.seed.SampleOrgSeeder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** An emulated org with the health-score schema and a connected app, and the adapter wired to it. */
final class TestOrg {

    static final String USER = "integration@healthscore.test";
    /** The generated sample ends here (GeneratorSettings.DEFAULT_AS_OF). */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 16);
    static final Instant NOW = AS_OF.atTime(6, 0).toInstant(ZoneOffset.UTC);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ConnectedAppCredentials APP = ConnectedAppCredentials.generate("3MVG9healthscore.test");

    private TestOrg() {
    }

    static SalesforceOrgEmulator.Builder builder() {
        return SalesforceOrgEmulator.builder().clock(CLOCK).connectedApp(APP).user(USER);
    }

    static SalesforceOrgEmulator start() {
        SalesforceOrgEmulator org = builder().start();
        SampleOrgSeeder.declareHealthScoreSchema(org);
        return org;
    }

    static SalesforceCredentials credentials(SalesforceOrgEmulator org) {
        JwtBearerCredentials c = new JwtBearerCredentials(URI.create(org.loginUrl()), org.loginUrl(), APP.clientId(), USER,
                APP.privateKey());
        return () -> c;
    }

    /** Fast test timeouts; 4 attempts; backoff 100 ms doubling to 1 s (recorded, not slept). */
    static CallSettings calls() {
        return CallSettings.defaults().withReadTimeouts(Duration.ofSeconds(30))
                .withRetries(4, Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    static SalesforceAdapter connect(SalesforceOrgEmulator org, SalesforceSettings settings, RecordingSleeper sleeper,
                                     RecordingLog log) {
        return connect(org, settings, calls(), sleeper, log);
    }

    static SalesforceAdapter connect(SalesforceOrgEmulator org, SalesforceSettings settings, CallSettings calls,
                                     RecordingSleeper sleeper, RecordingLog log) {
        return SalesforceAdapter.builder(credentials(org)).settings(settings).calls(calls).clock(CLOCK)
                .sleeper(sleeper).log(log).random(new java.util.SplittableRandom(42)).connect();
    }
}
