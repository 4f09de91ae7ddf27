package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The progress line makes way for output written to the same terminal, so an account's output is
 * never glued to it; output to a file or pipe leaves the line be (issue 21: the loops disagreed).
 */
class ProgressLineOutputTest {
    static final String ERASE = "\r\033[K";

    /** Standard error and standard output both on one terminal: one stream of what the user sees. */
    private final StringWriter screen = new StringWriter();
    private final PrintWriter err = new PrintWriter(screen, true);

    @Test
    void should_take_the_line_away_while_output_goes_to_the_same_terminal_and_draw_it_again_after() throws Exception {
        ProgressLine line = new ProgressLine(err, true, () -> 80, false, java.time.Clock.systemUTC(), Ticker.SYSTEM, true);
        line.update("1/2 accounts done, 0 failed");

        line.without(() -> screen.write("table of account 1\n"));

        assertEquals(ERASE + "1/2 accounts done, 0 failed" + ERASE + "table of account 1\n" + ERASE + "1/2 accounts done, 0 failed",
                screen.toString());
    }

    @Test
    void should_not_redraw_while_hidden_even_when_another_thread_updates() throws Exception {
        ProgressLine line = new ProgressLine(err, true, () -> 80, false, java.time.Clock.systemUTC(), Ticker.SYSTEM, true);
        line.update("1/3 accounts done, 0 failed");

        line.without(() -> {
            line.update("2/3 accounts done, 0 failed");
            screen.write("output\n");
        });

        assertEquals(ERASE + "1/3 accounts done, 0 failed" + ERASE + "output\n" + ERASE + "2/3 accounts done, 0 failed",
                screen.toString());
    }

    @Test
    void should_leave_the_line_be_when_output_goes_to_a_file_or_pipe() throws Exception {
        ProgressLine line = new ProgressLine(err, true, () -> 80, false, java.time.Clock.systemUTC(), Ticker.SYSTEM, false);
        line.update("1/2 accounts done, 0 failed");
        StringWriter file = new StringWriter();

        line.without(() -> file.write("csv rows\n"));

        assertEquals(ERASE + "1/2 accounts done, 0 failed", screen.toString());
        assertEquals("csv rows\n", file.toString());
    }
}
