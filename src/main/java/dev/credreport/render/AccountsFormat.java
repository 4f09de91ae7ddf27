package dev.credreport.render;

import dev.credreport.core.CredreportException;
import dev.credreport.report.Account;
import java.io.IOException;
import java.io.Writer;

/**
 * A format that also writes the results of many accounts as one document, an account at a time
 * as they arrive. {@link ManyAccounts} decides when each part is written.
 */
public interface AccountsFormat<R> extends Format<R> {
    /** The parts of one document over many accounts, written to {@code out}. */
    Sections<R> sections(Writer out, RenderContext context) throws IOException;

    /** The parts of a document over many accounts. */
    interface Sections<R> {
        /** The start of the document (a CSV header, an opening bracket), before the first account. */
        default void start() throws IOException {
        }

        /** One account's result; {@code account} names it (and gives its Organization name, if any). */
        void account(Account account, R result) throws IOException;

        /** An account that failed; formats that list failures write it, others count on the summary on standard error. */
        default void failed(Account account, CredreportException failure) throws IOException {
        }

        /** The end of the document, after the last account. */
        default void end() throws IOException {
        }
    }
}
