package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.report.Column;
import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportInput;
import dev.credreport.report.UntrustedText;
import dev.credreport.report.UserCredentials;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One block of {@code Label: value} lines per user, values as they stand in the CSV: the output of
 * the well-known awk one-liner, but with quoted fields kept whole.
 */
final class BlocksRenderer implements AccountsFormat<ReportInput> {
    static final String SEPARATOR = "-------------------";

    /** Writes every user's block, each after an {@code Account:} line (and its name) when an account is given. */
    private static void writeBlocks(ReportRows report, Account account, Writer out) throws IOException {
        List<String> labels = report.header().names().stream().map(name -> UntrustedText.escape(Column.labelFor(name)) + ": ").toList();
        // One write a block: a write a line is most of the time on a large report.
        StringBuilder block = new StringBuilder(4096);
        char[] chars = new char[4096];
        while (report.hasNext()) {
            UserCredentials user = report.next();
            block.setLength(0);
            if (account != null) {
                block.append("Account: ").append(account.id()).append('\n');
                if (account.name() != null) {
                    block.append("Account name: ").append(UntrustedText.escape(account.name())).append('\n');
                }
            }
            for (int i = 0; i < labels.size(); i++) {
                block.append(labels.get(i)).append(UntrustedText.escape(user.cell(i))).append('\n');
            }
            block.append(SEPARATOR).append('\n');
            if (chars.length < block.length()) {
                chars = new char[block.length() * 2];
            }
            block.getChars(0, block.length(), chars, 0);
            out.write(chars, 0, block.length());
        }
    }

    @Override
    public String name() {
        return "blocks";
    }

    @Override
    public void write(ReportInput input, Writer out, RenderContext context) throws IOException {
        try (ReportRows report = input.openReport()) {
            writeBlocks(report, null, out);
        }
    }

    /** Every account's blocks one after another, each block after an {@code Account:} line. */
    @Override
    public Sections<ReportInput> sections(Writer out, RenderContext context) {
        return (account, input) -> {
            try (ReportRows report = input.openReport()) {
                writeBlocks(report, account, out);
            }
        };
    }
}
