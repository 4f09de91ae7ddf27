package dev.credreport.cli;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes that would give a plausible but wrong answer are named as the user's (exit 2). */
class UserMistakesTest {
    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    Path saved(String csv, Instant generated) {
        try (FakeIam iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(csv, generated))) {
            Result result = harness.run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", dir.toString());
            assertEquals(0, result.exitCode(), result::toString);
            return Path.of(result.out().strip());
        }
    }

    @Test
    void diff_refuses_the_newer_report_first() {
        Path older = saved(SampleReports.standard(), Instant.parse("2024-05-30T06:00:00Z"));
        Path newer = saved(SampleReports.report(SampleReports.ROOT, SampleReports.ALICE.replace(",true,true,", ",true,false,")),
                Instant.parse("2024-05-31T06:00:00Z"));

        Result swapped = harness.run("diff", newer.toString(), older.toString());
        Result right = harness.run("diff", older.toString(), newer.toString(), "--format", "csv");

        assertEquals(2, swapped.exitCode(), swapped::toString);
        assertEquals("", swapped.out());
        assertTrue(swapped.err().contains("is newer than the second") && swapped.err().contains("give the older report first"),
                swapped.err());
        assertEquals(1, swapped.err().lines().count(), swapped.err());
        assertEquals(0, right.exitCode(), right::toString);
        assertTrue(right.out().contains(",key_deactivated,access key 1,true,false,"), right.out());
    }

    @Test
    void audit_refuses_an_as_of_before_the_report_was_generated() {
        Path report = saved(SampleReports.standard(), Instant.parse("2024-05-30T06:00:00Z"));

        Result before = harness.run("audit", "--input", report.toString(), "--as-of", "2024-05-01");
        Result after = harness.run("audit", "--input", report.toString(), "--as-of", "2024-06-30", "--fail-on", "none");

        assertEquals(2, before.exitCode(), before::toString);
        assertEquals("", before.out());
        assertTrue(before.err().startsWith("credreport: --as-of 2024-05-01 is before the report was generated (2024-05-30T06:00:00Z)"),
                before.err());
        assertEquals(0, after.exitCode(), after::toString);
    }

    @Test
    void audit_notes_a_report_without_its_root_user() throws java.io.IOException {
        Path noRoot = java.nio.file.Files.writeString(dir.resolve("no-root.csv"), SampleReports.report(SampleReports.ALICE));
        Path whole = java.nio.file.Files.writeString(dir.resolve("whole.csv"), SampleReports.standard());

        Result cut = harness.run("audit", "--input", noRoot.toString(), "--format", "json", "--fail-on", "none");
        Result quiet = harness.run("audit", "--input", noRoot.toString(), "--format", "json", "--fail-on", "none", "-q");
        Result normal = harness.run("audit", "--input", whole.toString(), "--format", "json", "--fail-on", "none");

        assertEquals(0, cut.exitCode(), cut::toString);
        assertTrue(cut.err().contains("note: no root user was audited"), cut.err());
        assertEquals("", quiet.err());
        assertTrue(!normal.err().contains("no root user"), normal.err());
    }

    static final Path SAMPLE_OLD = Path.of("src/sample/credential-report-123456789012-20261120T061502Z.csv");
    static final Path SAMPLE_NEW = Path.of("src/sample/credential-report-123456789012-20261121T061502Z.csv");

    @Test
    void diff_refuses_the_newer_first_by_credreports_file_names_without_metadata() {
        Result swapped = harness.run("diff", SAMPLE_NEW.toString(), SAMPLE_OLD.toString());

        assertEquals(2, swapped.exitCode(), swapped::toString);
        assertEquals("", swapped.out());
        assertTrue(swapped.err().contains("give the older report first"), swapped.err());
    }

    @Test
    void audit_refuses_an_as_of_before_times_the_report_holds() throws java.io.IOException {
        Path renamed = java.nio.file.Files.copy(SAMPLE_NEW, dir.resolve("account.csv"));

        Result before = harness.run("audit", "--input", renamed.toString(), "--as-of", "2020-01-01");

        assertEquals(2, before.exitCode(), before::toString);
        assertEquals("", before.out());
        assertTrue(before.err().startsWith("credreport: --as-of 2020-01-01 is before times the report holds (the latest is "
                + "2026-11-21T05:30:00Z)"), before.err());
    }

    @Test
    void a_saved_reports_name_gives_its_generated_time_when_its_metadata_is_missing() {
        Result audit = harness.run("audit", "--input", SAMPLE_NEW.toString(), "--format", "json", "--fail-on", "none",
                "--rules", "root-recently-used");

        assertEquals(0, audit.exitCode(), audit::toString);
        assertTrue(audit.out().contains("2026-11-21T06:15:02Z"), "ages count to the time in the name: " + audit.out());
        assertTrue(audit.out().contains("(49d ago)"), audit.out());
    }
}
