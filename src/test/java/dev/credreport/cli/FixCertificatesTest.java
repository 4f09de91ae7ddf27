package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.fix.Action;
import dev.credreport.fix.ActionKind;
import dev.credreport.fix.Plan;
import dev.credreport.fix.PlanJson;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIamUsers;
import dev.credreport.support.MotoAccount;
import dev.credreport.support.MotoServer;
import dev.credreport.support.ReportRow;
import dev.credreport.support.SampleReports;
import dev.credreport.support.TestCertificates;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Deactivating a signing certificate: planned from signing-certificate-not-rotated, joined to ListSigningCertificates
 * by the report slot's upload time (cert_1 and cert_2 each to its own certificate, never the other), refused when
 * excepted or when the join is ambiguous, re-checked before acting, and undone by reactivating.
 */
class FixCertificatesTest {
    static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant YOUNG = Instant.parse("2024-05-20T00:00:00Z");

    @TempDir
    Path dir;

    static Plan read(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            return PlanJson.readPlan(reader, file.toString());
        }
    }

    @Test
    void each_slot_is_its_own_certificate_and_only_the_ones_the_findings_name_are_deactivated() throws Exception {
        try (FakeIamUsers iam = new FakeIamUsers()
                .certificate("carol", "CAROLOLD", true, OLD).certificate("carol", "CAROLYOUNG", true, YOUNG)
                .certificate("frank", "FRANK1", true, OLD).certificate("frank", "FRANK2", true, OLD.plusSeconds(86_400))
                .certificate("erin", "ERIN1", true, OLD).certificate("erin", "ERIN2", true, OLD)) {
            Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                    + ReportRow.user("carol").certificate(1, true, "2024-01-01T00:00:00+00:00")
                            .certificate(2, true, "2024-05-20T00:00:00+00:00") + "\n"
                    + ReportRow.user("frank").certificate(1, true, "2024-01-01T00:00:00+00:00")
                            .certificate(2, true, "2024-01-02T00:00:00+00:00") + "\n"
                    + ReportRow.user("erin").certificate(1, true, "2024-01-01T00:00:00+00:00")
                            .certificate(2, true, "2024-01-01T00:00:00+00:00") + "\n");
            Path exceptions = Files.writeString(dir.resolve("exceptions.yaml"), "exceptions:\n"
                    + "  - rule: signing-certificate-not-rotated\n    user: frank\n    credential: cert_2\n"
                    + "    reason: signs the legacy batch job\n    expires: 2024-07-01\n");
            Path plan = dir.resolve("plan.json");
            CommandHarness harness = new CommandHarness().variable("AWS_ENDPOINT_URL_STS", iam.endpoint());

            Result planned = harness.run("fix", "plan", "--input", report.toString(), "--endpoint-url", iam.endpoint(),
                    "--exceptions", exceptions.toString(), "-o", plan.toString());

            assertEquals(0, planned.exitCode(), planned::toString);
            List<Action> actions = read(plan).actions();
            assertEquals(List.of("carol CAROLOLD 1", "frank FRANK1 1"), actions.stream()
                    .map(action -> action.user() + " " + action.certificateId() + " " + action.slot()).toList(), planned::toString);
            assertTrue(actions.stream().allMatch(action -> action.kind() == ActionKind.DEACTIVATE_CERTIFICATE
                    && action.note().equals("undo reactivates it")));
            String steps = String.join("\n", read(plan).manualSteps());
            assertTrue(steps.contains("frank: signing certificate 2 (FRANK2)") && steps.contains("covered by an exception"), steps);
            assertTrue(steps.contains("erin: signing certificate 1") && steps.contains("erin: signing certificate 2")
                    && steps.contains("no single certificate of ListSigningCertificates"), steps);
            assertTrue(Files.readString(plan).contains("\"certificateId\" : \"CAROLOLD\""), "the plan names it as a certificate");
            assertTrue(planned.out().contains("signing certificate 1 (CAROLOLD) of carol"), planned::toString);

            Result applied = harness.run("fix", "apply", plan.toString(), "--yes", "--endpoint-url", iam.endpoint());

            assertEquals(0, applied.exitCode(), applied::toString);
            assertEquals(List.of("UpdateSigningCertificate CAROLOLD Inactive", "UpdateSigningCertificate FRANK1 Inactive"),
                    iam.changes());
            assertTrue(iam.certificateActive("carol", "CAROLYOUNG") && iam.certificateActive("frank", "FRANK2")
                    && iam.certificateActive("erin", "ERIN1") && iam.certificateActive("erin", "ERIN2"));

            Result undone = harness.run("fix", "undo", dir.resolve("plan.result.json").toString(), "--yes",
                    "--endpoint-url", iam.endpoint());

            assertEquals(0, undone.exitCode(), undone::toString);
            assertTrue(iam.certificateActive("carol", "CAROLOLD") && iam.certificateActive("frank", "FRANK1"), undone::toString);
        }
    }

    @Test
    void a_certificate_deactivated_by_hand_since_the_plan_is_skipped() throws Exception {
        try (FakeIamUsers iam = new FakeIamUsers().certificate("carol", "CAROLOLD", true, OLD)) {
            Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                    + ReportRow.user("carol").certificate(1, true, "2024-01-01T00:00:00+00:00") + "\n");
            Path plan = dir.resolve("plan.json");
            CommandHarness harness = new CommandHarness().variable("AWS_ENDPOINT_URL_STS", iam.endpoint());
            assertEquals(0, harness.run("fix", "plan", "--input", report.toString(), "--endpoint-url", iam.endpoint(),
                    "-o", plan.toString()).exitCode());
            iam.certificate("carol", "CAROLOLD", false, OLD);

            Result applied = harness.run("fix", "apply", plan.toString(), "--yes", "--endpoint-url", iam.endpoint());

            assertEquals(10, applied.exitCode(), applied::toString);
            assertTrue(applied.out().contains("already inactive"), applied::toString);
            assertEquals(List.of(), iam.changes());
        }
    }

    /** moto implements UploadSigningCertificate, ListSigningCertificates and UpdateSigningCertificate, but its report
     * writes N/A for every cert_N_last_rotated: the report is moto's account as AWS would report it, from a file. */
    @Test
    void a_signing_certificate_is_deactivated_and_reactivated_in_moto() throws Exception {
        MotoServer moto = MotoServer.shared();
        try (MotoAccount account = new MotoAccount(moto.endpoint())) {
            account.user("signer");
            String body = Files.readString(TestCertificates.shared().pem());
            String id = account.iam().uploadSigningCertificate(r -> r.userName("signer").certificateBody(body))
                    .certificate().certificateId();
            Instant uploaded = account.iam().listSigningCertificates(r -> r.userName("signer")).certificates().get(0).uploadDate();
            Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                    + ReportRow.user("signer").certificate(1, true, uploaded.truncatedTo(ChronoUnit.SECONDS).toString()) + "\n");
            CommandHarness harness = new CommandHarness().clock(Clock.systemUTC()).variable("AWS_ENDPOINT_URL_STS", moto.endpoint().toString());
            Path plan = dir.resolve("plan.json");

            Result planned = harness.run("fix", "plan", "--input", report.toString(), "--endpoint-url", moto.endpoint().toString(),
                    "--as-of", Instant.now().plus(Duration.ofDays(100)).toString(), "-o", plan.toString());

            assertEquals(0, planned.exitCode(), planned::toString);
            assertEquals(List.of(id), read(plan).actions().stream().map(Action::certificateId).toList(), planned::toString);

            Result applied = harness.run("fix", "apply", plan.toString(), "--yes", "--endpoint-url", moto.endpoint().toString());

            assertEquals(0, applied.exitCode(), applied::toString);
            assertEquals(StatusType.INACTIVE, status(account, id));

            Result undone = harness.run("fix", "undo", dir.resolve("plan.result.json").toString(), "--yes",
                    "--endpoint-url", moto.endpoint().toString());

            assertEquals(0, undone.exitCode(), undone::toString);
            assertEquals(StatusType.ACTIVE, status(account, id));
        }
    }

    static StatusType status(MotoAccount account, String id) {
        return account.iam().listSigningCertificates(r -> r.userName("signer")).certificates().stream()
                .filter(certificate -> certificate.certificateId().equals(id)).map(SigningCertificate::status)
                .findFirst().orElseThrow();
    }
}
