package io.healthscore.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Salesforce mode of {@code healthscore run}: the CRM is pulled from Salesforce (the exports still come from
 * --input or the generated sample) and the health fields and Tasks are written back, or only planned with --dry-run.
 */
final class SalesforceOptions {

    /** Where the CRM lives. */
    enum Target { emulator, org }

    @Option(names = "--salesforce", paramLabel = "emulator|org", description = {
            "Pull the CRM from Salesforce and write health back. emulator: an in-process org emulator seeded with the",
            "input's CRM files (no account needed); org: a real org through the OAuth 2.0 JWT bearer flow, with",
            "SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME, SF_PRIVATE_KEY_FILE from the environment or --salesforce-config."})
    Target target;

    @Option(names = "--salesforce-config", paramLabel = "FILE", description = {
            "Properties file with the SF_* settings (JWT settings and adapter settings such as SF_ACCOUNT_FILTER,",
            "SF_STOP_AT_API_SHARE); its values win over environment variables of the same name."})
    Path config;

    @Option(names = "--dry-run", description = {
            "With --salesforce: pull from Salesforce and work out what would change, but send no write; the planned",
            "Account updates and Tasks go to OUT/salesforce/account-updates.jsonl and tasks.jsonl."})
    boolean dryRun;

    boolean enabled() {
        return target != null;
    }
}
