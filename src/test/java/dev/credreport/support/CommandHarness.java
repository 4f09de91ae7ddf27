package dev.credreport.support;

import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.CSVFormat;
import java.util.List;
import java.io.StringReader;
import java.io.IOException;
import dev.credreport.aws.Sleeper;
import dev.credreport.cli.CommandLineFactory;
import dev.credreport.cli.Environment;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs credreport's real command line in-process, as {@code main} does, capturing standard output,
 * standard error and the exit code.
 */
public final class CommandHarness {
    /** Test-only credentials the SDK's default chain picks up from system properties. */
    public static final String TEST_ACCESS_KEY = "AKIDTESTFIXTURE00001";
    public static final String TEST_SECRET_KEY = "test-fixture-secret-key-not-real-0000001";

    public static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    static {
        useTestCredentials();
    }

    private final Map<String, String> variables = new HashMap<>();
    private byte[] stdin = new byte[0];
    private InputStream stdinStream;
    private boolean stdoutTerminal;
    private boolean stderrTerminal;
    private boolean oneScreen;
    private int terminalWidth = 80;
    private FakeTime time = new FakeTime(NOW);
    private Sleeper sleeper;
    private ManualTicker ticker = new ManualTicker(time);

    /** The outcome of one run. */
    public record Result(int exitCode, String out, String err) {
        /** Standard output read as CSV with a header line, each row by column name. */
        public List<CSVRecord> csvRecords() {
            try {
                return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(out)).getRecords();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    public static void useTestCredentials() {
        System.setProperty("aws.accessKeyId", TEST_ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", TEST_SECRET_KEY);
    }

    public CommandHarness variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public CommandHarness stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public CommandHarness stdinBytes(byte[] bytes) {
        stdin = bytes.clone();
        return this;
    }

    /** Standard input as a stream of the test's making: endless, or failing as a closed one does. */
    public CommandHarness stdinStream(InputStream stream) {
        stdinStream = stream;
        return this;
    }

    public CommandHarness terminal(boolean stdout, boolean stderr, int width) {
        stdoutTerminal = stdout;
        stderrTerminal = stderr;
        terminalWidth = width;
        return this;
    }

    /**
     * Standard output and standard error write to one screen, as on a terminal both are shown on:
     * the result's out is that screen, in the order written, and its err is empty.
     */
    public CommandHarness oneScreen() {
        oneScreen = true;
        return this;
    }

    /** The clock starts at this clock's instant (NOW unless told) and moves only as the command sleeps or the ticker ticks. */
    public CommandHarness clock(Clock clock) {
        time = new FakeTime(clock.instant());
        ticker = new ManualTicker(time);
        return this;
    }

    /** The fake time the command runs in: what it slept, where its clock stands. */
    public FakeTime time() {
        return time;
    }

    /** The progress line's ticker, to tick by hand. */
    public ManualTicker ticker() {
        return ticker;
    }

    /** Waits with this sleeper instead of the fake clock's (which the given one may still call). */
    public CommandHarness sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = oneScreen ? out : new StringWriter();
        Environment environment = new Environment(variables,
                stdinStream != null ? stdinStream : new ByteArrayInputStream(stdin),
                stdoutTerminal, stderrTerminal, () -> terminalWidth, time, sleeper != null ? sleeper : time, ticker);
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            exitCode = CommandLineFactory.run(environment, outWriter, errWriter, args);
        }
        return new Result(exitCode, out.toString(), oneScreen ? "" : err.toString());
    }
}
