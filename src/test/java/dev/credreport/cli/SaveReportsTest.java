package dev.credreport.cli;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch --output-dir: how cron jobs keep reports. */
class SaveReportsTest {
    static final String CSV = SampleReports.standard();
    static final Instant GENERATED = Instant.parse("2024-06-01T11:59:00Z");
    static final String NAME = "credential-report-123456789012-20240601T115900Z.csv";

    @TempDir
    Path tmp;

    Path dir;
    FakeIam iam;
    final CommandHarness harness = new CommandHarness();

    @BeforeEach
    void start() {
        dir = tmp.resolve("reports");
        iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(CSV, GENERATED));
    }

    @AfterEach
    void stop() {
        iam.close();
    }

    Result save(String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--endpoint-url", iam.endpoint().toString(),
                "--output-dir", dir.toString()));
        args.addAll(List.of(extra));
        return harness.run(args.toArray(String[]::new));
    }

    List<String> files() throws IOException {
        return TestFiles.namesIn(dir);
    }

    @Test
    void should_name_the_file_by_account_and_generated_time_and_keep_it_private() throws IOException {
        Result result = save();

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(dir.resolve(NAME) + "\n", result.out());
        assertEquals(CSV, Files.readString(dir.resolve(NAME)));
        assertEquals(List.of(NAME, "credential-report-123456789012-20240601T115900Z.meta.json"), files());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(NAME))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        JsonNode metadata = new ObjectMapper().readTree(dir.resolve("credential-report-123456789012-20240601T115900Z.meta.json").toFile());
        assertEquals("2024-06-01T11:59:00Z", metadata.get("generated_time").asText());
        assertEquals("123456789012", metadata.get("account_id").asText());
        assertEquals("aws", metadata.get("partition").asText());
        assertTrue(metadata.get("tool_version").asText().matches("\\d+\\.\\d+\\.\\d+.*"));
        assertEquals(64, metadata.get("sha256").asText().length());
    }

    @Test
    void should_keep_the_same_report_without_writing_it_again() throws IOException {
        save();
        Path saved = dir.resolve(NAME);
        Files.setLastModifiedTime(saved, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Object inode = Files.readAttributes(saved, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        Result again = save();
        Result quiet = save("-q");

        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(saved + "\n", again.out());
        assertTrue(again.err().contains("already holds this report; kept it as it was"), again::toString);
        assertEquals(FileTime.from(Instant.parse("2024-01-01T00:00:00Z")), Files.getLastModifiedTime(saved));
        assertEquals(inode, Files.readAttributes(saved, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertEquals(2, files().size());
        assertEquals(0, quiet.exitCode());
        assertEquals("", quiet.out() + quiet.err());
    }

    @Test
    void should_never_overwrite_a_saved_report_with_other_content() throws IOException {
        save();
        String changed = SampleReports.report(SampleReports.ROOT, SampleReports.ALICE);
        iam.onGet(report(changed, GENERATED));

        Result result = save();

        assertEquals(0, result.exitCode(), result::toString);
        Path suffixed = dir.resolve("credential-report-123456789012-20240601T115900Z-1.csv");
        assertEquals(suffixed + "\n", result.out());
        assertEquals(CSV, Files.readString(dir.resolve(NAME)));
        assertEquals(changed, Files.readString(suffixed));
        assertTrue(Files.exists(dir.resolve("credential-report-123456789012-20240601T115900Z-1.meta.json")));
    }

    @Test
    void should_keep_only_the_newest_reports_of_the_account_and_touch_nothing_else() throws IOException {
        Files.createDirectories(dir);
        List<String> others = List.of("notes.txt", "credential-report-999999999999-20200101T000000Z.csv",
                "credential-report-123456789012-latest.csv", "credential-report-123456789012-20200101T000000Z.csv.bak");
        for (String other : others) {
            Files.writeString(dir.resolve(other), "not mine");
        }
        for (int day = 1; day <= 4; day++) {
            iam.onGet(report(CSV, Instant.parse("2024-06-0" + day + "T00:00:00Z")));
            assertEquals(0, save("--keep", "2", "-q").exitCode());
        }

        List<String> expected = new ArrayList<>(others);
        expected.addAll(List.of(
                "credential-report-123456789012-20240603T000000Z.csv",
                "credential-report-123456789012-20240603T000000Z.meta.json",
                "credential-report-123456789012-20240604T000000Z.csv",
                "credential-report-123456789012-20240604T000000Z.meta.json"));
        assertEquals(expected.stream().sorted().toList(), files());
    }

    @Test
    void should_write_nothing_when_the_report_is_not_one() throws IOException {
        Files.createDirectories(dir);
        iam.onGet(report("user,arn\nnot,a report\n", GENERATED));

        Result result = save();

        assertEquals(7, result.exitCode(), result::toString);
        assertEquals(List.of(), files());
    }

    @Test
    void should_call_a_directory_that_cannot_be_made_the_user_s_mistake_before_any_aws_call() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        Result result = harness.run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir",
                file.resolve("reports").toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("credreport: --output-dir " + file.resolve("reports") + ": " + file + " is a file, not a directory\n",
                result.err());
    }

    @Test
    void should_let_concurrent_runs_save_into_one_directory_safely() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Result>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Callable<Result> run = () -> new CommandHarness().run("fetch", "--endpoint-url", iam.endpoint().toString(),
                        "--output-dir", dir.toString(), "-q");
                runs.add(pool.submit(run));
            }
            for (Future<Result> run : runs) {
                Result result = run.get();
                assertEquals(0, result.exitCode(), result::toString);
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(List.of(NAME, "credential-report-123456789012-20240601T115900Z.meta.json"), files());
        assertEquals(CSV, Files.readString(dir.resolve(NAME)));
    }

    @Test
    void should_read_the_generated_time_of_a_saved_report_from_its_metadata() throws IOException {
        save();

        Result json = harness.run("fetch", "--input", dir.resolve(NAME).toString(), "--format", "json");
        Files.writeString(dir.resolve(NAME), SampleReports.report(SampleReports.ROOT));
        Result edited = harness.run("fetch", "--input", dir.resolve(NAME).toString(), "--format", "json");

        assertTrue(json.out().contains("\"generated_time\": \"2024-06-01T11:59:00Z\""), json::toString);
        assertTrue(edited.out().contains("\"generated_time\": null"), "metadata of other content are not used: " + edited);
    }

    @Test
    void should_refuse_options_that_do_not_go_with_saving() throws IOException {
        Path plain = Files.writeString(tmp.resolve("plain.csv"), CSV);

        assertEquals(2, save("-o", tmp.resolve("x.csv").toString()).exitCode());
        assertEquals(2, save("--format", "json").exitCode());
        assertEquals(2, save("--keep", "0").exitCode());
        assertEquals(2, harness.run("fetch", "--input", plain.toString(), "--keep", "3").exitCode());
        Result noTime = harness.run("fetch", "--input", plain.toString(), "--output-dir", dir.toString());
        assertEquals(2, noTime.exitCode(), noTime::toString);
        assertTrue(noTime.err().contains("does not tell"), noTime::toString);
    }
}
