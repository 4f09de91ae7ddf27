package dev.credreport.render;

import dev.credreport.core.CredreportException;
import dev.credreport.report.Account;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One document of many accounts' results in one format. The start of the document and the
 * failures listed before the first successful account are held back until that account, so a run
 * in which every account failed writes nothing: a failed run prints nothing on standard output.
 */
public final class ManyAccounts<R> {
    /** A held-back part of the document. */
    @FunctionalInterface
    private interface Part {
        void write() throws IOException;
    }

    private final AccountsFormat.Sections<R> sections;
    private final List<Part> held = new ArrayList<>();
    private boolean started;

    public ManyAccounts(AccountsFormat<R> format, Writer out, RenderContext context) throws IOException {
        this.sections = format.sections(out, context);
    }

    public void account(Account account, R result) throws IOException {
        if (!started) {
            started = true;
            sections.start();
            for (Part failure : held) {
                failure.write();
            }
            held.clear();
        }
        sections.account(account, result);
    }

    public void failed(Account account, CredreportException failure) throws IOException {
        if (started) {
            sections.failed(account, failure);
        } else {
            held.add(() -> sections.failed(account, failure));
        }
    }

    /** Ends the document; with no account succeeded there is none, and nothing is written. */
    public void finish() throws IOException {
        if (started) {
            sections.end();
        }
    }
}
