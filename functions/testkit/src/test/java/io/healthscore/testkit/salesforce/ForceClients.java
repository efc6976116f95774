package io.healthscore.testkit.salesforce;

import com.sforce.async.AsyncApiException;
import com.sforce.async.BulkConnection;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

/** The real force-wsc clients, configured the way the adapter will: manual login with an OAuth access token. */
final class ForceClients {
    private ForceClients() {
    }

    static ConnectorConfig config(String instanceUrl, String accessToken) {
        ConnectorConfig config = new ConnectorConfig();
        config.setManualLogin(true);
        config.setServiceEndpoint(instanceUrl + "/services/Soap/u/65.0");
        config.setRestEndpoint(instanceUrl + "/services/async/65.0");
        config.setSessionId(accessToken);
        config.setConnectionTimeout(5_000);
        config.setReadTimeout(30_000);
        return config;
    }

    static PartnerConnection partner(SalesforceOrgEmulator org, String accessToken) {
        try {
            return Connector.newConnection(config(org.instanceUrl(), accessToken));
        } catch (ConnectionException e) {
            throw new IllegalStateException(e);
        }
    }

    static PartnerConnection partner(SalesforceOrgEmulator org) {
        return partner(org, org.issueSession(TestOrgs.INTEGRATION_USER));
    }

    static BulkConnection bulk(SalesforceOrgEmulator org) {
        try {
            return new BulkConnection(config(org.instanceUrl(), org.issueSession(TestOrgs.INTEGRATION_USER)));
        } catch (AsyncApiException e) {
            throw new IllegalStateException(e);
        }
    }
}
