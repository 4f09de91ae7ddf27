package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.FakeOrganization;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The progress line on standard error: one line that fits, no escape codes on a dumb terminal, ticking over accounts (issue 9, point 23). */
class ProgressLineTest {
    static final String ERASE = ProgressFakes.ERASE;

    final ProgressFakes fakes = new ProgressFakes();
    FakeIam iam;
    FakeOrganization organization;

    @AfterEach
    void stop() {
        fakes.close();
        if (organization != null) {
            organization.close();
        }
    }

    FakeIam limitExceededTwice() {
        iam = fakes.slowIam();
        return iam;
    }

    @Test
    void should_keep_the_progress_line_within_the_terminal_width() {
        limitExceededTwice();

        Result result = new CommandHarness().terminal(false, true, 40)
                .run("fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "csv");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains(ERASE + "waiting for the credential report: IAM\u2026"), result::toString);
        for (String drawn : result.err().split("\r\033\\[K")) {
            assertTrue(drawn.length() <= 39, () -> drawn.length() + " characters at 40 columns: " + drawn);
        }
        assertTrue(result.err().endsWith(ERASE), result::toString);
    }

    @Test
    void should_send_no_escape_codes_to_a_dumb_terminal() {
        limitExceededTwice();

        Result result = new CommandHarness().terminal(false, true, 200).variable("TERM", "dumb")
                .run("fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "csv");

        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.err().contains("\033"), result::toString);
        assertTrue(result.err().startsWith("\rwaiting for the credential report: IAM refused to start another report (LimitExceeded)"),
                result::toString);
        // Cleared with spaces: the last thing written is a carriage return after a blank run as long as the line.
        assertTrue(result.err().matches("(?s).*\r {60,}\r"), result::toString);
        assertFalse(result.err().contains("\n"), result::toString);
    }

    @Test
    void should_show_many_accounts_from_the_start_and_tick_every_second() {
        List<String> accounts = FakeOrganization.accounts(2);
        CommandHarness harness = new CommandHarness();
        // A second passes (the ticker ticks) as the first IAM request arrives: no account is done yet.
        AtomicBoolean ticked = new AtomicBoolean();
        organization = new FakeOrganization(accounts, Set.of(), 100).beforeIamAnswer(request -> {
            if (ticked.compareAndSet(false, true)) {
                harness.ticker().tick();
            }
        });

        Result result = harness.variable("AWS_ENDPOINT_URL", organization.endpoint()).terminal(false, true, 80)
                .run("fetch", "--accounts", String.join(",", accounts), "--format", "csv");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith(ERASE + "0/2 accounts done, 0 failed, 0s" + ERASE), result::toString);
        assertTrue(result.err().contains(ERASE + "0/2 accounts done, 0 failed, 1s" + ERASE), "a tick before any account is done: "
                + result);
        assertTrue(result.err().contains(ERASE + "2/2 accounts done, 0 failed, "), result::toString);
        assertTrue(result.err().endsWith(ERASE + "credreport: 2 accounts asked, 2 succeeded, 0 failed\n"), result::toString);
        assertEquals(0, harness.ticker().ticking(), "the ticking stops with the run");
    }

    @Test
    void should_note_moto_s_unquoted_names_once_per_account_above_the_progress_line() {
        List<String> accounts = FakeOrganization.accounts(2);
        String row = UntrustedReportTextTest.MOTO_A_B.replace("123456789012", accounts.get(1));
        organization = new FakeOrganization(accounts, Set.of(), 100).extraRow(accounts.get(1), row);

        for (String format : List.of("json", "table")) {
            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint()).terminal(false, true, 80)
                    .run("fetch", "--accounts", String.join(",", accounts), "--format", format);

            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.out().contains("a,b"), result::toString);
            String note = "credreport: note: account " + accounts.get(1) + ": line 5: user 'a,b' written with unquoted commas";
            assertEquals(1, result.err().split(java.util.regex.Pattern.quote(note), -1).length - 1, result::toString);
            assertTrue(result.err().contains(ERASE + note), "on a line of its own: " + result);
        }
    }

    @Test
    void should_list_a_failed_account_on_a_line_of_its_own_above_the_progress_line() {
        List<String> accounts = FakeOrganization.accounts(2);
        organization = new FakeOrganization(accounts, Set.of(), 100).refuseRole(accounts.get(0));

        Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint()).terminal(false, true, 80)
                .run("fetch", "--accounts", String.join(",", accounts), "--format", "csv");

        assertEquals(9, result.exitCode(), result::toString);
        assertTrue(result.err().contains(ERASE + "credreport: account " + accounts.get(0) + ": cannot assume role"), result::toString);
    }
}
