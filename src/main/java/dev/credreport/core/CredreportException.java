package dev.credreport.core;

/**
 * An expected failure: something the user can act on. It carries its exit code and a one-line
 * message that says what happened and what to do next; it is never shown with a stack trace
 * unless --debug asks for one.
 */
public final class CredreportException extends RuntimeException {
    private final ExitCode exitCode;

    public CredreportException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public CredreportException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** The first line of a message from elsewhere (the SDK's run over several), trimmed; "" for null. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }

    public static CredreportException usage(String message) {
        return new CredreportException(ExitCode.USAGE, message);
    }

    public static CredreportException awsRefused(String message, Throwable cause) {
        return new CredreportException(ExitCode.AWS_REFUSED, message, cause);
    }

    public static CredreportException notReady(String message) {
        return new CredreportException(ExitCode.NOT_READY, message);
    }

    public static CredreportException awsFailed(String message, Throwable cause) {
        return new CredreportException(ExitCode.AWS_FAILED, message, cause);
    }

    public static CredreportException badInput(String message) {
        return new CredreportException(ExitCode.BAD_INPUT, message);
    }

    public static CredreportException badInput(String message, Throwable cause) {
        return new CredreportException(ExitCode.BAD_INPUT, message, cause);
    }

    /** The reader of standard output went away: the run ends at once and silently. */
    public static CredreportException readerGone(Throwable cause) {
        return new CredreportException(ExitCode.READER_GONE, "", cause);
    }

    public static CredreportException cannotWrite(String message, Throwable cause) {
        return new CredreportException(ExitCode.CANNOT_WRITE, message, cause);
    }
}
