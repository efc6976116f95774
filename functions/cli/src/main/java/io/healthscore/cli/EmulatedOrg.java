package io.healthscore.cli;

import io.healthscore.salesforce.auth.JwtBearerCredentials;
import io.healthscore.salesforce.auth.SalesforceCredentials;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.oauth.ConnectedAppCredentials;
import io.healthscore.testkit.salesforce.seed.SampleOrgSeeder;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The org emulator from the test kit, started on loopback and seeded with the CRM files of the input (accounts,
 * owners, contacts, activities, cases, renewals), with a connected app whose key the run signs its JWT with.
 */
final class EmulatedOrg implements AutoCloseable {

    static final String USER = "integration@healthscore.local";

    private final SalesforceOrgEmulator org;
    private final ConnectedAppCredentials app;
    private final SampleOrgSeeder.Seeded seeded;

    private EmulatedOrg(SalesforceOrgEmulator org, ConnectedAppCredentials app, SampleOrgSeeder.Seeded seeded) {
        this.org = org;
        this.app = app;
        this.seeded = seeded;
    }

    static EmulatedOrg start(Path input) {
        ConnectedAppCredentials app = ConnectedAppCredentials.generate("3MVG9healthscore.local");
        SalesforceOrgEmulator org = SalesforceOrgEmulator.builder().connectedApp(app).user(USER).start();
        try {
            return new EmulatedOrg(org, app, SampleOrgSeeder.seed(org, input));
        } catch (RuntimeException e) {
            org.close();
            throw e;
        }
    }

    SalesforceCredentials credentials() {
        JwtBearerCredentials c = new JwtBearerCredentials(URI.create(org.loginUrl()), org.loginUrl(), app.clientId(), USER,
                app.privateKey());
        return () -> c;
    }

    String instanceUrl() {
        return org.instanceUrl();
    }

    SampleOrgSeeder.Seeded seeded() {
        return seeded;
    }

    /** Calls the org received, by operation (only those made). */
    Map<ApiOperation, Integer> calls() {
        Map<ApiOperation, Integer> m = new EnumMap<>(ApiOperation.class);
        for (ApiOperation op : ApiOperation.values()) {
            int n = org.calls().count(op);
            if (n > 0) {
                m.put(op, n);
            }
        }
        return m;
    }

    @Override
    public void close() {
        org.close();
    }
}
