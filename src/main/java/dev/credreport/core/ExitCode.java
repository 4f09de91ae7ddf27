package dev.credreport.core;

/** The process exit codes every command shares (SPEC.md, "Exit codes"). */
public enum ExitCode {
    SUCCESS(0, "success"),
    INTERNAL_ERROR(1, "internal error: a bug in credreport (please report it with the --debug output, which adds the stack trace)"),
    USAGE(2, "usage error: unknown option, bad value, conflicting options, a mistake in the AWS configuration, a destination that cannot be (a missing directory or bucket, checked before any AWS call); also no Java 17 or newer"),
    FLAGGED(3, "the command found what it was asked to flag: audit findings at or above --fail-on, diff changes with --exit-code"),
    AWS_REFUSED(4, "AWS refused: no credentials, invalid or expired credentials, access denied (the message names the missing permission)"),
    NOT_READY(5, "the report was not ready within --max-wait, or generation stayed refused (LimitExceeded) until then; no report with --no-generate"),
    AWS_FAILED(6, "AWS or the network failed after retries: throttling, 5xx, connection refused or reset, timeouts, answers that are not AWS's"),
    BAD_INPUT(7, "the input is not a readable credential report: missing file, bad CSV, missing column (the message gives the line and column)"),
    CANNOT_WRITE(8, "the output could not be written: no permission, a read-only file system, disk full, or a destination gone while writing"),
    SOME_ACCOUNTS_FAILED(9, "a multi-account run finished but some accounts failed (each failure listed on standard error)"),
    SOME_SKIPPED(10, "fix apply or undo skipped some actions because their facts changed since the plan (a key used, "
            + "deactivated by hand, gone, or now excepted); the result file says why for each"),
    /**
     * The reader of standard output went away (credreport fetch | head): not a failure to write,
     * so not 8, but what a Unix tool ended by SIGPIPE reports, 128 + 13, so that `set -o pipefail`
     * scripts see what they see from every other tool.
     */
    READER_GONE(141, "the reader of standard output went away (credreport fetch | head): what a Unix tool ended by SIGPIPE gives");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What the code tells a user or a script, as the man pages' EXIT STATUS lists it. */
    public String meaning() {
        return meaning;
    }
}
