package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.core.CredreportException;
import java.io.IOException;
import java.io.Writer;

/**
 * Many accounts as the single-account document of each, one after another with a separator, and
 * a failed account as a part of its own in the same place (audit's table and JSON).
 */
abstract class EachAccountWhole<R> implements AccountsFormat.Sections<R> {
    private final Format<R> format;
    private final Writer out;
    private final RenderContext context;
    private final Between between;

    EachAccountWhole(Format<R> format, Writer out, RenderContext context, String separator) {
        this.format = format;
        this.out = out;
        this.context = context;
        this.between = new Between(out, separator);
    }

    @Override
    public final void account(Account account, R result) throws IOException {
        between.next();
        writeAccount(account, result, out, context);
    }

    @Override
    public final void failed(Account account, CredreportException failure) throws IOException {
        between.next();
        writeFailed(account, failure);
    }

    /** One account's document: the single-account one, unless the format also names the account. */
    void writeAccount(Account account, R result, Writer out, RenderContext context) throws IOException {
        format.write(result, out, context);
    }

    /** The part that stands for an account whose result could not be had. */
    abstract void writeFailed(Account account, CredreportException failure) throws IOException;
}
