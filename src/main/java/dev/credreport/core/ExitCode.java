package dev.credreport.core;

/** The process exit codes every command shares (SPEC.md, "Exit codes"). */
public enum ExitCode {
    SUCCESS(0),
    INTERNAL_ERROR(1),
    USAGE(2),
    FLAGGED(3),
    AWS_REFUSED(4),
    NOT_READY(5),
    AWS_FAILED(6),
    BAD_INPUT(7),
    CANNOT_WRITE(8),
    SOME_ACCOUNTS_FAILED(9),
    /**
     * The reader of standard output went away (credreport fetch | head): not a failure to write,
     * so not 8, but what a Unix tool ended by SIGPIPE reports, 128 + 13, so that `set -o pipefail`
     * scripts see what they see from every other tool.
     */
    READER_GONE(141);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
