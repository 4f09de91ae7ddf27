package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line (issue 23, point 9) on the one screen a terminal shows standard output and
 * standard error on: erased before any output is written, in every command that shows one, for
 * one account and many, and never in a file.
 */
class ProgressOnScreenTest {
    static final String ERASE = ProgressFakes.ERASE;
    static final List<String> PROGRESS = List.of("waiting for the credential report", "accounts done");

    final ProgressFakes fakes = new ProgressFakes();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        fakes.close();
    }

    /** What the terminal shows at the end: each line as the last erase left it. */
    static List<String> shown(String screen) {
        List<String> lines = new ArrayList<>();
        for (String line : screen.split("\n", -1)) {
            int erased = line.lastIndexOf(ERASE);
            lines.add(erased < 0 ? line : line.substring(erased + ERASE.length()));
        }
        return lines;
    }

    static void assertNoProgressLeft(Result result, String firstOutput) {
        List<String> shown = shown(result.out());
        for (String line : shown) {
            for (String progress : PROGRESS) {
                assertFalse(line.contains(progress), "progress left on screen: '" + line + "'\n" + result.out());
            }
        }
        assertTrue(shown.stream().anyMatch(line -> line.startsWith(firstOutput)), firstOutput + " on a line of its own:\n"
                + String.join("\n", shown));
        assertTrue(result.out().contains(ERASE), "a progress line was shown at all: " + result.out());
    }

    String slowIam() {
        return fakes.slowIam().endpoint().toString();
    }

    String accounts() {
        return String.join(",", fakes.accounts(3));
    }

    CommandHarness screen() {
        return new CommandHarness().terminal(true, true, 80).oneScreen();
    }

    @Test
    void should_erase_the_line_before_fetch_and_audit_of_one_account_write() {
        Result fetch = screen().run("fetch", "--endpoint-url", slowIam());
        assertEquals(0, fetch.exitCode(), fetch::toString);
        assertNoProgressLeft(fetch, "Account ");
        stop();

        Result audit = screen().run("audit", "--endpoint-url", slowIam(), "--fail-on", "none");
        assertEquals(0, audit.exitCode(), audit::toString);
        assertNoProgressLeft(audit, "Audit of account ");
    }

    @Test
    void should_erase_the_line_before_each_account_of_many_is_written() {
        Result fetch = screen().variable("AWS_ENDPOINT_URL", orgEndpoint()).run("fetch", "--accounts", accounts());
        assertEquals(0, fetch.exitCode(), fetch::toString);
        assertNoProgressLeft(fetch, "Account ");
        stop();

        String accounts = accounts();
        Result audit = screen().variable("AWS_ENDPOINT_URL", fakes.organization.endpoint()).run("audit", "--accounts", accounts,
                "--fail-on", "none");
        assertEquals(0, audit.exitCode(), audit::toString);
        assertNoProgressLeft(audit, "Audit of account ");
    }

    private String orgEndpoint() {
        accounts();
        return fakes.organization.endpoint();
    }

    @Test
    void should_keep_progress_out_of_files_for_every_command() throws IOException {
        String accounts = accounts();
        for (String command : List.of("fetch", "audit", "report")) {
            Path file = dir.resolve(command + ".out");
            List<String> args = new ArrayList<>(List.of(command, "--accounts", accounts, "-o", file.toString()));
            if (command.equals("audit")) {
                args.addAll(List.of("--fail-on", "none"));
            }
            Result result = screen().variable("AWS_ENDPOINT_URL", fakes.organization.endpoint()).run(args.toArray(String[]::new));

            assertEquals(0, result.exitCode(), result::toString);
            String written = Files.readString(file);
            assertFalse(written.contains("\033") || written.contains("accounts done"), command);
            assertTrue(shown(result.out()).stream().noneMatch(line -> line.contains("accounts done")), result::toString);
        }
    }
}
