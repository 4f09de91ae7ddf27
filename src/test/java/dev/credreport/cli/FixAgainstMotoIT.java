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
import dev.credreport.support.MotoAccount;
import dev.credreport.support.MotoServer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * fix plan, apply and undo end to end against moto: users with one, two and no keys, unused and recently
 * used keys; the world changed between plan and apply; undo restores every key deactivated.
 */
class FixAgainstMotoIT {
    static final String AS_OF = "--as-of";
    MotoServer moto;
    MotoAccount account;
    AccessKey soloKey;
    AccessKey pairOld;
    AccessKey pairUsed;
    AccessKey spareKey;
    AccessKey busyKey;

    @TempDir
    Path dir;

    @BeforeEach
    void world() {
        moto = MotoServer.shared();
        moto.reset();
        account = new MotoAccount(moto.endpoint());
        account.user("solo");
        soloKey = account.accessKey("solo");
        account.user("pair");
        pairOld = account.accessKey("pair");
        pairUsed = account.accessKey("pair");
        account.user("spare");
        spareKey = account.accessKey("spare");
        account.user("busy");
        busyKey = account.accessKey("busy");
        account.user("nokeys");
        account.user("webby").password("webby");
        // Used a moment after every credential was made, so that a clock can stand past --min-idle (7 days) from
        // their creation and within it from these uses (moto's dates are to the second, from its real clock: the
        // one real wait of this integration test, kept out of the unit tests for that reason).
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        use(pairUsed);
        use(busyKey);
        Instant created = account.iam().listAccessKeys(r -> r.userName("busy")).accessKeyMetadata().get(0).createDate();
        Instant used = account.iam().getAccessKeyLastUsed(r -> r.accessKeyId(pairUsed.accessKeyId())).accessKeyLastUsed()
                .lastUsedDate();
        clock = Clock.fixed(created.plus(Duration.ofDays(7)).plus(Duration.between(created, used).dividedBy(2)),
                java.time.ZoneOffset.UTC);
    }

    /** A week after the credentials were made: past --min-idle from their creation, within it from the uses above. */
    Clock clock;

    @AfterEach
    void close() {
        account.close();
    }

    /** Signs a request with the key, which moto records as its last use. */
    void use(AccessKey key) {
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(),
                        key.secretAccessKey()))).build()) {
            iam.listUsers();
        }
    }

    CommandHarness now() {
        return new CommandHarness().clock(clock).variable("AWS_ENDPOINT_URL_STS", moto.endpoint().toString());
    }

    /** The audit counts ages to 100 days from now, so every credential looks unused; --min-idle counts from now. */
    Result plan(Path file, String... more) {
        String asOf = clock.instant().plus(Duration.ofDays(100)).toString();
        // The report fetched first: the fetch's waits for it would move the harness's fake time past the moment above.
        Path report = file.resolveSibling(file.getFileName() + ".report.csv");
        Result fetched = now().run("fetch", "--endpoint-url", moto.endpoint().toString(), "-o", report.toString());
        assertEquals(0, fetched.exitCode(), fetched::toString);
        List<String> args = new java.util.ArrayList<>(List.of("fix", "plan", "--endpoint-url", moto.endpoint().toString(),
                "--input", report.toString(), AS_OF, asOf, "-o", file.toString()));
        args.addAll(List.of(more));
        return now().run(args.toArray(String[]::new));
    }

    Result act(String verb, Path file, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("fix", verb, "--endpoint-url", moto.endpoint().toString(),
                file.toString()));
        args.addAll(List.of(more));
        return now().run(args.toArray(String[]::new));
    }

    static Plan readPlan(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return PlanJson.readPlan(reader, file.toString());
        }
    }

    static Map<String, Outcome.State> outcomes(Path result) throws IOException {
        try (Reader reader = Files.newBufferedReader(result)) {
            return PlanJson.readOutcomes(reader, result.toString()).stream().collect(Collectors.toMap(
                    outcome -> outcome.action().accessKeyId() != null ? outcome.action().accessKeyId()
                            : outcome.action().user() + "/password", Outcome::state));
        }
    }

    StatusType status(String user, AccessKey key) {
        return account.iam().listAccessKeys(r -> r.userName(user)).accessKeyMetadata().stream()
                .filter(meta -> meta.accessKeyId().equals(key.accessKeyId())).map(AccessKeyMetadata::status)
                .findFirst().orElse(null);
    }

    @Test
    void plans_only_unused_credentials_and_lists_keys_in_use_as_steps_for_people() throws IOException {
        Path file = dir.resolve("plan.json");
        Result result = plan(file);

        assertEquals(0, result.exitCode(), result::toString);
        Plan plan = readPlan(file);
        Map<String, ActionKind> planned = plan.actions().stream().collect(Collectors.toMap(
                action -> action.accessKeyId() != null ? action.accessKeyId() : action.user() + "/password", Action::kind));
        assertEquals(Map.of(soloKey.accessKeyId(), ActionKind.DEACTIVATE_KEY, pairOld.accessKeyId(), ActionKind.DEACTIVATE_KEY,
                spareKey.accessKeyId(), ActionKind.DEACTIVATE_KEY, "webby/password", ActionKind.DELETE_LOGIN_PROFILE), planned,
                result::toString);
        // The used keys are steps for people, each naming its key; pair's second key is its own entry.
        String steps = String.join("\n", plan.manualSteps());
        assertTrue(steps.contains(pairUsed.accessKeyId()) && steps.contains(busyKey.accessKeyId()), steps);
        assertTrue(steps.contains("root") || plan.manualSteps().stream().noneMatch(step -> step.startsWith("<root")), steps);
        // The printed table names every action and says which cannot be undone.
        assertTrue(result.out().contains(soloKey.accessKeyId()) && result.out().contains("CANNOT BE UNDONE"), result::toString);
        // Planning changed nothing.
        assertEquals(StatusType.ACTIVE, status("solo", soloKey));
    }

    @Test
    void apply_skips_what_changed_since_the_plan_and_undo_restores_every_key_it_deactivated() throws IOException {
        Path file = dir.resolve("plan.json");
        assertEquals(0, plan(file).exitCode());
        // The world changes: solo's key is used, pair's old key deactivated by hand, webby's password excepted.
        use(soloKey);
        account.deactivate("pair", pairOld);
        Path exceptions = dir.resolve("exceptions.yaml");
        Files.writeString(exceptions, "exceptions:\n  - rule: credentials-unused\n    user: webby\n    credential: password\n"
                + "    reason: break-glass console user\n    expires: " + java.time.LocalDate.now().plusDays(30) + "\n");

        Result applied = act("apply", file, "--yes", "--exceptions", exceptions.toString());

        assertEquals(10, applied.exitCode(), applied::toString);
        Path resultFile = dir.resolve("plan.result.json");
        Map<String, Outcome.State> outcomes = outcomes(resultFile);
        assertEquals(Outcome.State.SKIPPED, outcomes.get(soloKey.accessKeyId()), outcomes::toString);
        assertEquals(Outcome.State.SKIPPED, outcomes.get(pairOld.accessKeyId()), outcomes::toString);
        assertEquals(Outcome.State.DONE, outcomes.get(spareKey.accessKeyId()), outcomes::toString);
        assertEquals(Outcome.State.SKIPPED, outcomes.get("webby/password"), outcomes::toString);
        // No key in use was touched; the unused one is inactive, the password gone.
        assertEquals(StatusType.ACTIVE, status("solo", soloKey));
        assertEquals(StatusType.ACTIVE, status("pair", pairUsed));
        assertEquals(StatusType.ACTIVE, status("busy", busyKey));
        assertEquals(StatusType.INACTIVE, status("spare", spareKey));
        assertFalse(hasNoLoginProfile("webby"), "the excepted password is kept");

        Result undone = act("undo", resultFile, "--yes");

        assertEquals(0, undone.exitCode(), undone::toString);
        assertEquals(StatusType.ACTIVE, status("spare", spareKey));
        // The hand-deactivated key was not credreport's to restore.
        assertEquals(StatusType.INACTIVE, status("pair", pairOld));
    }

    @Test
    void an_excepted_user_is_not_planned() throws IOException {
        Path exceptions = dir.resolve("exceptions.yaml");
        Files.writeString(exceptions, "exceptions:\n  - rule: access-key-not-rotated\n    user: spare\n"
                + "    reason: vendor key\n    expires: " + java.time.LocalDate.now().plusDays(30) + "\n");
        Path file = dir.resolve("plan.json");

        Result result = plan(file, "--exceptions", exceptions.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(readPlan(file).actions().stream().noneMatch(action -> action.user().equals("spare")), result::toString);
        assertTrue(readPlan(file).actions().stream().anyMatch(action -> action.user().equals("solo")), result::toString);
    }

    @Test
    void apply_needs_yes_when_standard_input_is_not_a_terminal_and_dry_run_changes_nothing() throws IOException {
        Path file = dir.resolve("plan.json");
        assertEquals(0, plan(file).exitCode());

        Result refused = act("apply", file);
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("--yes"), refused::toString);

        Result dry = act("apply", file, "--dry-run");
        assertEquals(0, dry.exitCode(), dry::toString);
        assertEquals(StatusType.ACTIVE, status("solo", soloKey));
        assertEquals(StatusType.ACTIVE, status("spare", spareKey));
        assertFalse(hasNoLoginProfile("webby"));
        assertEquals(Outcome.State.CHECKED, outcomes(dir.resolve("plan.dry-run.json")).get(soloKey.accessKeyId()));
        assertFalse(Files.exists(dir.resolve("plan.result.json")), "a dry run writes its own file");
    }

    @Test
    void apply_refuses_a_plan_older_than_max_plan_age() throws IOException {
        Path file = dir.resolve("plan.json");
        assertEquals(0, plan(file).exitCode());

        Result stale = new CommandHarness().clock(Clock.offset(clock, Duration.ofHours(25)))
                .run("fix", "apply", "--endpoint-url", moto.endpoint().toString(), file.toString(), "--yes");

        assertEquals(2, stale.exitCode(), stale::toString);
        assertTrue(stale.err().contains("--max-plan-age"), stale::toString);
        assertEquals(StatusType.ACTIVE, status("spare", spareKey));
    }

    @Test
    void a_key_deactivated_by_credreport_a_quarantine_ago_is_planned_for_deletion_and_one_by_hand_is_not() throws IOException {
        Path file = dir.resolve("plan.json");
        assertEquals(0, plan(file).exitCode());
        Result applied = act("apply", file, "--yes");
        assertEquals(0, applied.exitCode(), applied::toString);
        account.deactivate("busy", busyKey);
        // 31 days on, the keys credreport deactivated may go; busy's, deactivated by hand, may not.
        String later = clock.instant().plus(Duration.ofDays(131)).toString();
        Path second = dir.resolve("second.json");
        Result result = new CommandHarness().clock(Clock.offset(clock, Duration.ofDays(31)))
                .run("fix", "plan", "--endpoint-url", moto.endpoint().toString(), AS_OF, later, "-o", second.toString());

        assertEquals(0, result.exitCode(), result::toString);
        List<Action> deletes = readPlan(second).actions().stream().filter(action -> action.kind() == ActionKind.DELETE_KEY).toList();
        assertEquals(java.util.Set.of(soloKey.accessKeyId(), pairOld.accessKeyId(), spareKey.accessKeyId()),
                deletes.stream().map(Action::accessKeyId).collect(Collectors.toSet()), result::toString);
        assertTrue(deletes.stream().allMatch(action -> action.note().equals("CANNOT BE UNDONE")));
    }

    boolean hasNoLoginProfile(String user) {
        try {
            account.iam().getLoginProfile(r -> r.userName(user));
            return false;
        } catch (NoSuchEntityException e) {
            return true;
        }
    }
}
