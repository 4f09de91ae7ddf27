package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.fix.Action;
import dev.credreport.fix.ActionKind;
import dev.credreport.fix.Outcome;
import dev.credreport.fix.Plan;
import dev.credreport.fix.PlanJson;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.MotoAccount;
import dev.credreport.support.MotoServer;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * fix plan, apply and undo over two accounts: each account reached as the per-account loop reaches it (the role
 * assumed in it through the run's throttle), every key acted on in its own account, and a role that cannot be
 * assumed stops the apply before any change.
 */
class FixAcrossAccountsTest {
    static final List<String> ACCOUNTS = List.of("111111111111", "222222222222");

    @TempDir
    Path dir;

    /** An account of moto, reached with the role credreport assumes in it by default. */
    static MotoAccount account(MotoServer moto, String id) {
        var caller = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(CommandHarness.TEST_ACCESS_KEY, CommandHarness.TEST_SECRET_KEY));
        try (StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(caller).build()) {
            Credentials role = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole")
                    .roleSessionName("setup")).credentials();
            return new MotoAccount(moto.endpoint(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken())));
        }
    }

    static StatusType status(MotoAccount account, String user, AccessKey key) {
        return account.iam().listAccessKeys(r -> r.userName(user)).accessKeyMetadata().stream()
                .filter(meta -> meta.accessKeyId().equals(key.accessKeyId())).map(AccessKeyMetadata::status)
                .findFirst().orElse(null);
    }

    @Test
    void apply_over_two_moto_accounts_acts_in_each_with_its_role_and_undo_restores_both() throws IOException {
        MotoServer moto = MotoServer.shared();
        Map<String, MotoAccount> accounts = new LinkedHashMap<>();
        Map<String, AccessKey> keys = new LinkedHashMap<>();
        try {
            for (String id : ACCOUNTS) {
                MotoAccount account = account(moto, id);
                accounts.put(id, account);
                // The same user name in both accounts: only the account tells the keys apart.
                account.user("deploy");
                keys.put(id, account.accessKey("deploy"));
            }
            // A week on: the keys made just now are past --min-idle.
            CommandHarness harness = new CommandHarness().clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(8)))
                    .variable("AWS_ENDPOINT_URL", moto.endpoint().toString());
            Path plan = dir.resolve("plan.json");

            Result planned = harness.run("fix", "plan", "--accounts", String.join(",", ACCOUNTS), "-q", "--as-of",
                    Instant.now().plus(Duration.ofDays(108)).toString(), "-o", plan.toString());

            assertEquals(0, planned.exitCode(), planned::toString);
            Map<String, String> planKeys;
            try (Reader reader = Files.newBufferedReader(plan)) {
                planKeys = PlanJson.readPlan(reader, "plan").actions().stream()
                        .filter(action -> action.kind() == ActionKind.DEACTIVATE_KEY)
                        .collect(Collectors.toMap(Action::account, Action::accessKeyId));
            }
            assertEquals(Map.of(ACCOUNTS.get(0), keys.get(ACCOUNTS.get(0)).accessKeyId(), ACCOUNTS.get(1),
                    keys.get(ACCOUNTS.get(1)).accessKeyId()), planKeys, planned::toString);

            Result applied = harness.run("fix", "apply", plan.toString(), "--yes");

            assertEquals(0, applied.exitCode(), applied::toString);
            for (String id : ACCOUNTS) {
                assertEquals(StatusType.INACTIVE, status(accounts.get(id), "deploy", keys.get(id)), id);
                assertTrue(accounts.get(id).iam().listUserTags(r -> r.userName("deploy")).tags().stream()
                        .anyMatch(tag -> tag.key().equals("credreport-deactivated-" + keys.get(id).accessKeyId())), id);
            }
            try (Reader reader = Files.newBufferedReader(dir.resolve("plan.result.json"))) {
                assertTrue(PlanJson.readOutcomes(reader, "result").stream()
                        .allMatch(outcome -> outcome.state() == Outcome.State.DONE), applied::toString);
            }

            Result undone = harness.run("fix", "undo", dir.resolve("plan.result.json").toString(), "--yes");

            assertEquals(0, undone.exitCode(), undone::toString);
            for (String id : ACCOUNTS) {
                assertEquals(StatusType.ACTIVE, status(accounts.get(id), "deploy", keys.get(id)), id);
            }
        } finally {
            accounts.values().forEach(MotoAccount::close);
        }
    }

    @Test
    void a_role_that_cannot_be_assumed_stops_the_apply_before_any_iam_call() throws IOException {
        List<String> ids = FakeOrganization.accounts(2);
        try (FakeOrganization organization = new FakeOrganization(ids, Set.of(), 10).refuseRole(ids.get(1))) {
            Path plan = dir.resolve("plan.json");
            Instant created = CommandHarness.NOW;
            List<Action> actions = List.of(
                    new Action(1, ActionKind.DEACTIVATE_KEY, ids.get(0), "deploy", "AKIAFIRST00000000001", 1, created, null, "test"),
                    new Action(2, ActionKind.DEACTIVATE_KEY, ids.get(1), "deploy", "AKIASECOND0000000001", 1, created, null, "test"));
            try (Writer writer = Files.newBufferedWriter(plan)) {
                PlanJson.write(new Plan(created, null, Duration.ofDays(7), Duration.ofDays(30), actions, List.of()), writer);
            }

            Result applied = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("fix", "apply", plan.toString(), "--yes");

            assertEquals(4, applied.exitCode(), applied::toString);
            assertTrue(applied.err().contains("cannot assume role arn:aws:iam::" + ids.get(1)), applied::toString);
            List<String> calls = organization.server().actions();
            assertTrue(calls.contains("AssumeRole"), calls::toString);
            assertFalse(calls.stream().anyMatch(call -> Set.of("ListAccessKeys", "GetAccessKeyLastUsed", "UpdateAccessKey",
                    "TagUser").contains(call)), "no IAM call before every account is reached: " + calls);
            assertFalse(Files.exists(dir.resolve("plan.result.json")), "nothing was done, so nothing is recorded");
        }
    }
}
