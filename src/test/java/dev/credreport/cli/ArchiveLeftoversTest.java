package dev.credreport.cli;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.TestFiles;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What runs killed with SIGKILL, and --keep runs at the same time, leave in an --output-dir. */
class ArchiveLeftoversTest {
    static final Instant GENERATED = Instant.parse("2024-06-01T11:59:00Z");

    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    List<String> files() throws IOException {
        return TestFiles.namesIn(dir);
    }

    static Path aged(Path file, Duration age) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void should_remove_stale_temporaries_of_its_own_naming_and_nothing_else() throws IOException {
        Path stale = aged(Files.writeString(dir.resolve(".credential-report-123456789012-20240530T000000Z.csv.8127365.tmp"), "half"),
                Duration.ofHours(2));
        Path staleMeta = aged(Files.writeString(dir.resolve(".credential-report-123456789012-20240530T000000Z.meta.json.99.tmp"), "{"),
                Duration.ofDays(3));
        Path writing = Files.writeString(dir.resolve(".credential-report-123456789012-20240601T000000Z.csv.5.tmp"), "in progress");
        Path someoneElses = aged(Files.writeString(dir.resolve(".notes.txt.1.tmp"), "mine"), Duration.ofDays(30));

        try (FakeIam iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(SampleReports.standard(), GENERATED))) {
            Result result = harness.run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", dir.toString(), "-q");

            assertEquals(0, result.exitCode(), result::toString);
        }
        assertFalse(Files.exists(stale), "a temporary left by a killed run is removed");
        assertFalse(Files.exists(staleMeta));
        assertTrue(Files.exists(writing), "a temporary another run may be writing is left alone");
        assertTrue(Files.exists(someoneElses), "files not of credreport's naming are left alone");
    }

    @Test
    void should_remove_metadata_whose_report_is_gone_when_pruning() throws IOException {
        Path orphan = Files.writeString(dir.resolve("credential-report-123456789012-20240101T000000Z.meta.json"), "{}");
        Path otherAccount = Files.writeString(dir.resolve("credential-report-210987654321-20240101T000000Z.meta.json"), "{}");

        try (FakeIam iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(SampleReports.standard(), GENERATED))) {
            Result result = harness.run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", dir.toString(),
                    "--keep", "3", "-q");

            assertEquals(0, result.exitCode(), result::toString);
        }
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(otherAccount), "--keep prunes only the account it saved");
    }

    @Test
    void concurrent_keep_runs_leave_no_orphan_metadata() throws Exception {
        int runs = 12;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<FakeIam> servers = new ArrayList<>();
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                FakeIam iam = FakeIam.start().onGenerate(state("COMPLETE"))
                        .onGet(report(SampleReports.standard(), GENERATED.plusSeconds(3600L * i)));
                servers.add(iam);
                results.add(pool.submit(() -> harness.run("fetch", "--endpoint-url", iam.endpoint().toString(),
                        "--output-dir", dir.toString(), "--keep", "2", "-q")));
            }
            for (Future<Result> result : results) {
                assertEquals(0, result.get().exitCode(), result.get()::toString);
            }
        } finally {
            pool.shutdownNow();
            servers.forEach(FakeIam::close);
        }

        List<String> names = files();
        for (String name : names) {
            if (name.endsWith(".meta.json")) {
                assertTrue(names.contains(name.replace(".meta.json", ".csv")), "orphan metadata " + name + " in " + names);
            }
            assertFalse(name.endsWith(".tmp"), "temporary left: " + names);
        }
    }
}
