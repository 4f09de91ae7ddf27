package dev.credreport.cli;

import dev.credreport.aws.Sleeper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What a command may know of the process it runs in, so that tests can supply their own:
 * environment variables, standard input, whether the standard streams are terminals, the
 * terminal's width, the clock, and how it waits (the sleeper between attempts and polls, the
 * ticker of the progress line), so that no test waits in real time.
 */
public record Environment(
        Map<String, String> variables,
        InputStream stdin,
        boolean stdoutIsTerminal,
        boolean stderrIsTerminal,
        IntSupplier terminalWidth,
        Clock clock,
        Sleeper sleeper,
        Ticker ticker) {

    private static final int FALLBACK_WIDTH = 80;

    public Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(terminalWidth, "terminalWidth");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(ticker, "ticker");
    }

    /** The real process. */
    public static Environment system() {
        boolean stdoutTerminal = isTerminal(1);
        return new Environment(System.getenv(), stdinIsClosed() ? CLOSED_STDIN : System.in, stdoutTerminal, isTerminal(2),
                () -> systemWidth(System.getenv(), stdoutTerminal), Clock.systemUTC(), Sleeper.SYSTEM, Ticker.SYSTEM);
    }

    /** Whether standard input is a terminal a person can answer on (never for a supplied stream). */
    public boolean stdinIsTerminal() {
        return stdin == System.in && isTerminal(0);
    }

    /** What standard input reads as when the process was started with it closed ({@code <&-}). */
    static final InputStream CLOSED_STDIN = new InputStream() {
        @Override
        public int read() throws IOException {
            throw new IOException("it is closed: pipe a credential report into credreport, or give --input FILE");
        }
    };

    /**
     * Whether the process was started with standard input closed. The JVM then takes descriptor 0
     * for the first file it opens itself, its class library (lib/modules), and System.in would read
     * that as if it were the user's input.
     */
    private static boolean stdinIsClosed() {
        Path fd0 = Path.of("/proc/self/fd/0");
        try {
            Path target = Files.readSymbolicLink(fd0);
            return target.equals(Path.of(System.getProperty("java.home"), "lib", "modules").toRealPath());
        } catch (java.nio.file.NoSuchFileException e) {
            return Files.isDirectory(Path.of("/proc/self/fd"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The columns of the terminal standard error writes to, for a progress line: the table's width, else the terminal's. */
    public int stderrWidth() {
        int width = terminalWidth.getAsInt();
        return width > 0 ? width : sttyWidth();
    }

    /** A variable, or null where unset or empty (as the AWS CLI treats empty ones). */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // No /proc (macOS): the JDK only tells whether stdin and stdout are both terminals.
            return System.console() != null;
        }
    }

    private static int systemWidth(Map<String, String> variables, boolean stdoutTerminal) {
        String columns = variables.get("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}") && Integer.parseInt(columns) > 0) {
            return Integer.parseInt(columns);
        }
        if (!stdoutTerminal) {
            return 0;
        }
        return sttyWidth();
    }

    private static int sttyWidth() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return FALLBACK_WIDTH;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (stty.waitFor(2, TimeUnit.SECONDS) && answer.matches("\\d+ \\d+")) {
                int width = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1));
                return width > 0 ? width : FALLBACK_WIDTH;
            }
        } catch (IOException e) {
            // no stty: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return FALLBACK_WIDTH;
    }
}
