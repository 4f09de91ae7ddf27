package dev.credreport.multi;

import dev.credreport.aws.AccountAccess;
import dev.credreport.core.CredreportException;
import dev.credreport.report.Account;
import dev.credreport.report.Arns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Which accounts a run covers, as the user named them: ids, a file of ids, or every ACTIVE account
 * of the Organization. The options only hold these; the file is read and the Organization listed
 * when the run starts.
 *
 * @param ids the ids given with --accounts
 * @param file the --accounts-file, or null
 * @param organization whether --org was given
 */
public record AccountSelection(List<String> ids, Path file, boolean organization) {
    public AccountSelection {
        ids = List.copyOf(ids);
    }

    /** Whether any accounts were named, so the command runs over many accounts. */
    public boolean active() {
        return organization || file != null || !ids.isEmpty();
    }

    /**
     * The accounts to run in, sorted by id without repeats, with the names the Organization gives.
     *
     * @param skipped told of each Organization account left out because it is not ACTIVE
     */
    List<Account> resolve(AccountAccess access, Consumer<String> skipped) {
        List<String> named = new ArrayList<>(ids);
        if (file != null) {
            named.addAll(readFile());
        }
        TreeMap<String, Account> sorted = new TreeMap<>();
        for (String id : named) {
            String trimmed = id.trim();
            if (!Arns.isAccountId(trimmed)) {
                throw CredreportException.usage("'" + id + "' is not an AWS account id (twelve digits)");
            }
            sorted.put(trimmed, Account.of(trimmed));
        }
        if (organization) {
            AccountAccess.OrganizationAccounts listed = access.organizationAccounts();
            // The Organization's entry, with its name, stands for an account also named by id.
            listed.active().forEach(account -> sorted.put(account.id(), account));
            listed.skipped().forEach(skipped);
        }
        if (sorted.isEmpty()) {
            throw CredreportException.usage("no accounts to run in");
        }
        return List.copyOf(sorted.values());
    }

    /**
     * The accounts to run in as they come: ids given sorted at once, the file line by line, the
     * Organization page by page, each account once, so that the run starts on the first before the
     * last is known.
     *
     * @param skipped told of each Organization account left out because it is not ACTIVE
     */
    MultiAccountFetch.Accounts stream(AccountAccess access, Consumer<String> skipped) {
        if (file == null && !organization) {
            return MultiAccountFetch.of(resolve(access, skipped));
        }
        return new MultiAccountFetch.Accounts() {
            private final java.util.Set<String> seen = new java.util.HashSet<>();
            private final java.util.ArrayDeque<Account> ahead = new java.util.ArrayDeque<>();
            private java.io.BufferedReader lines;
            private AccountAccess.AccountPages pages;
            private volatile boolean last;
            private volatile int known;

            @Override
            public synchronized Account next() {
                while (ahead.isEmpty() && !last) {
                    fill();
                }
                if (ahead.isEmpty()) {
                    if (known == 0) {
                        throw CredreportException.usage("no accounts to run in");
                    }
                    return null;
                }
                return ahead.poll();
            }

            private void fill() {
                if (organization) {
                    if (pages == null) {
                        pages = access.organizationPages();
                    }
                    AccountAccess.OrganizationAccounts page = pages.next();
                    if (page == null) {
                        last = true;
                        return;
                    }
                    page.active().forEach(this::add);
                    page.skipped().forEach(skipped);
                    return;
                }
                String id = readLine();
                if (id == null) {
                    last = true;
                } else if (!id.isEmpty()) {
                    if (!Arns.isAccountId(id)) {
                        throw CredreportException.usage("'" + id + "' is not an AWS account id (twelve digits)");
                    }
                    add(Account.of(id));
                }
            }

            private void add(Account account) {
                if (seen.add(account.id())) {
                    ahead.add(account);
                    known++;
                }
            }

            private String readLine() {
                try {
                    if (lines == null) {
                        lines = Files.newBufferedReader(file);
                    }
                    String line = lines.readLine();
                    if (line == null) {
                        return null;
                    }
                    int comment = line.indexOf('#');
                    return (comment < 0 ? line : line.substring(0, comment)).trim();
                } catch (NoSuchFileException e) {
                    throw CredreportException.usage("--accounts-file " + file + " does not exist");
                } catch (IOException e) {
                    throw CredreportException.usage("cannot read --accounts-file " + file + ": "
                            + CredreportException.firstLine(e.getMessage()));
                }
            }

            @Override
            public int known() {
                return known;
            }

            @Override
            public boolean complete() {
                return last;
            }

            @Override
            public boolean sorted() {
                return false;
            }

            @Override
            public synchronized void close() {
                if (pages != null) {
                    pages.close();
                }
                if (lines != null) {
                    try {
                        lines.close();
                    } catch (IOException e) {
                        // read only
                    }
                }
            }
        };
    }

    /** One id a line; '#' starts a comment. */
    private List<String> readFile() {
        try {
            List<String> read = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                int comment = line.indexOf('#');
                String id = (comment < 0 ? line : line.substring(0, comment)).trim();
                if (!id.isEmpty()) {
                    read.add(id);
                }
            }
            return read;
        } catch (NoSuchFileException e) {
            throw CredreportException.usage("--accounts-file " + file + " does not exist");
        } catch (IOException e) {
            throw CredreportException.usage("cannot read --accounts-file " + file + ": "
                    + CredreportException.firstLine(e.getMessage()));
        }
    }
}
