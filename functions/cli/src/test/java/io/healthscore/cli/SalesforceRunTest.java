package io.healthscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.oauth.ConnectedAppCredentials;
import io.healthscore.testkit.salesforce.seed.SampleOrgSeeder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code healthscore run --salesforce emulator|org [--dry-run]} through the CLI entry point. */
class SalesforceRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static Path sample;

    record CliResult(int exit, String stdout, String stderr) {
    }

    static CliResult cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int exit = HealthscoreCli.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new CliResult(exit, o.toString(), e.toString());
    }

    @BeforeAll
    static void generate() throws Exception {
        sample = work.resolve("sample");
        new SampleGenerator(GeneratorSettings.defaults().withAccounts(120), 2).writeTo(sample);
    }

    static JsonNode report(Path out) throws Exception {
        return JSON.readTree(Files.readString(out.resolve("run-report.json")));
    }

    @Test
    void theEmulatorTargetPullsTheSampleCrmAndWritesHealthBack() throws Exception {
        Path out = work.resolve("emulator");

        CliResult r = cli("run", "--input", sample.toString(), "--as-of", "2026-11-16", "--out", out.toString(),
                "--salesforce", "emulator", "--quiet");

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Started a Salesforce org emulator").contains("Salesforce write report:")
                .contains("accounts written");
        JsonNode sf = report(out).get("salesforce");
        int inScope = report(out).get("accounts").get("in_scope").asInt();
        assertThat(sf.get("dry_run").asBoolean()).isFalse();
        assertThat(sf.get("write_report").get("accounts_changed").asInt()).isEqualTo(inScope);
        assertThat(sf.get("write_report").get("accounts_failed").size()).isZero();
        assertThat(sf.get("emulator_calls").get("UPDATE").asInt()).isEqualTo((inScope + 199) / 200);
        assertThat(out.resolve("scores.csv")).exists();
        assertThat(out.resolve("salesforce/renewal-outcomes.csv")).exists();
    }

    @Test
    void aDryRunPullsFromSalesforceButSendsNoWrite() throws Exception {
        Path out = work.resolve("dry-run");

        CliResult r = cli("run", "--input", sample.toString(), "--as-of", "2026-11-16", "--out", out.toString(),
                "--salesforce", "emulator", "--dry-run", "--quiet");

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Salesforce dry run (nothing sent)");
        JsonNode sf = report(out).get("salesforce");
        assertThat(sf.get("dry_run").asBoolean()).isTrue();
        assertThat(sf.get("emulator_calls").has("UPDATE")).isFalse();
        assertThat(sf.get("emulator_calls").has("UPSERT")).isFalse();
        assertThat(sf.get("planned_writes").get("write_calls").asInt()).isZero();
        long planned = Files.readAllLines(out.resolve("salesforce/account-updates.jsonl")).size();
        assertThat(planned).isEqualTo(sf.get("planned_writes").get("accounts_changed").asLong()).isPositive();
    }

    @Test
    void theOrgTargetAuthenticatesWithJwtSettingsFromAFileAndASecondRunWritesNothing() throws Exception {
        ConnectedAppCredentials app = ConnectedAppCredentials.generate("3MVG9cli.test");
        try (SalesforceOrgEmulator org = SalesforceOrgEmulator.builder().connectedApp(app)
                .user("integration@customer.example").start()) {
            SampleOrgSeeder.seed(org, sample);
            Path key = work.resolve("jwt.key");
            Files.writeString(key, app.privateKeyPem());
            Path config = work.resolve("salesforce.properties");
            Files.writeString(config, String.join("\n",
                    "SF_LOGIN_URL=" + org.loginUrl(),
                    "SF_CLIENT_ID=" + app.clientId(),
                    "SF_USERNAME=integration@customer.example",
                    "SF_PRIVATE_KEY_FILE=" + key,
                    "SF_RENEWAL_PREVIOUS_AMOUNT_FIELD=" + SampleOrgSeeder.PREVIOUS_AMOUNT_FIELD, ""));
            String[] args = {"run", "--input", sample.toString(), "--as-of", "2026-11-16", "--salesforce", "org",
                    "--salesforce-config", config.toString(), "--quiet", "--out"};

            CliResult first = cli(concat(args, work.resolve("org-1").toString()));
            CliResult second = cli(concat(args, work.resolve("org-2").toString()));

            assertThat(first.exit()).as(first.stderr()).isZero();
            assertThat(second.exit()).as(second.stderr()).isZero();
            JsonNode w1 = report(work.resolve("org-1")).get("salesforce").get("write_report");
            JsonNode w2 = report(work.resolve("org-2")).get("salesforce").get("write_report");
            assertThat(w1.get("accounts_changed").asInt()).isPositive();
            assertThat(w2.get("accounts_changed").asInt()).isZero();
            assertThat(w2.get("accounts_unchanged").asInt()).isEqualTo(w1.get("accounts_changed").asInt());
            assertThat(w2.get("tasks_upserted").asInt()).isZero();
            assertThat(w2.get("write_calls").asInt()).isZero();
        }
    }

    @Test
    void theOrgTargetWithoutJwtSettingsNamesWhatIsMissing() {
        CliResult r = cli("run", "--input", sample.toString(), "--out", work.resolve("no-settings").toString(),
                "--salesforce", "org", "--salesforce-config", work.resolve("absent.properties").toString(), "--quiet");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("--salesforce-config").contains("is not a readable file");
    }

    private static String[] concat(String[] a, String last) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}
