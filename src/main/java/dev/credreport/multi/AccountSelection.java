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
