package dev.credreport.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.credreport.core.CredreportException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An exceptions file: accepted risks, each with a reason and an expiry (README, "Exceptions").
 * Reading it refuses, with the file, the entry's line and what is wrong, an entry without
 * {@code rule}, {@code user}, {@code reason} or {@code expires}, with a key or rule it does not know,
 * or that expires more than {@code maxDays} days out. A date that cannot be read is kept and counts
 * as expired. Where the text comes from (a file, s3://) is the caller's business.
 */
public final class Exceptions {
    /** How many days out an entry may expire by default (--max-exception-days). */
    public static final int DEFAULT_MAX_DAYS = 365;
    /** How many days before it lapses an entry is listed as expiring soon by default. */
    public static final int DEFAULT_SOON_DAYS = 14;

    private static final Set<String> KEYS =
            Set.of("rule", "user", "account", "credential", "reason", "expires", "owner", "ticket");
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String source;
    private final List<ExceptionEntry> entries;

    private Exceptions(String source, List<ExceptionEntry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    /** A list with no entry: nothing is excepted. */
    public static Exceptions none() {
        return new Exceptions("(none)", List.of());
    }

    /**
     * The control ids the refusal of an unknown rule gives as examples, as README and the man page
     * do: both access-key-not-rotated's (ControlTable), which a test checks every rule list accepts.
     */
    public static final List<String> EXAMPLE_CONTROLS = List.of("IAM.3", "CIS 7.0.0 2.12");

    /**
     * Reads an exceptions file.
     *
     * @param source the file as the user named it, for messages
     * @param text its content
     * @param rules the rules an entry may name (by id or control)
     * @param maxDays how many days from the clock's day an expiry may be
     * @param clock today's date (UTC)
     * @throws CredreportException (usage, exit 2) naming the file, the line and what is wrong
     */
    public static Exceptions parse(String source, String text, Collection<RuleInfo> rules, int maxDays, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<ExceptionEntry> entries = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new Exceptions(source, entries);
            }
            if (token != JsonToken.START_OBJECT) {
                throw refused(source, line(parser), "the file is a mapping with one key, exceptions: a list of entries");
            }
            boolean seen = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser);
                if (!key.equals("exceptions") || seen) {
                    throw refused(source, keyLine, "unknown key '" + key + "'; the file has one key, exceptions");
                }
                seen = true;
                JsonToken list = parser.nextToken();
                if (list == JsonToken.VALUE_NULL || list == JsonToken.VALUE_STRING && parser.getText().isBlank()) {
                    continue;
                }
                if (list != JsonToken.START_ARRAY) {
                    throw refused(source, keyLine, "exceptions is a list of entries, each starting with '- rule:'");
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    entries.add(entry(parser, source, rules, maxDays, today));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw refused(source, line, "not YAML: " + CredreportException.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw CredreportException.usage("cannot read the exceptions file " + source + ": " + e.getMessage());
        }
        return new Exceptions(source, entries);
    }

    /**
     * The last day an entry holds: a YYYY-MM-DD date, or the date a full ISO timestamp is written
     * with ({@code 2027-01-31T10:00:00Z} holds through 2027-01-31); null for anything else, which
     * counts as expired and is said so (see {@link ExceptionEntry#dateUnreadable}).
     */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException notTimestamp) {
                return null;
            }
        }
    }

    private static ExceptionEntry entry(JsonParser parser, String source, Collection<RuleInfo> rules, int maxDays,
            LocalDate today) throws IOException {
        int line = line(parser);
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refused(source, line, "each entry is a mapping of rule, user, reason, expires and optional keys");
        }
        Map<String, String> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser);
            if (!KEYS.contains(key)) {
                throw refused(source, keyLine, "unknown key '" + key + "'; an entry has " + String.join(", ", sorted(KEYS)));
            }
            JsonToken value = parser.nextToken();
            if (!value.isScalarValue()) {
                throw refused(source, keyLine, key + " is a single value, not a list or a mapping");
            }
            if (values.containsKey(key)) {
                throw refused(source, keyLine, key + " is given twice");
            }
            String text = value == JsonToken.VALUE_NULL ? "" : parser.getText().strip();
            if (!text.isEmpty()) {
                values.put(key, text);
            }
        }
        for (String required : List.of("rule", "user", "reason", "expires")) {
            if (!values.containsKey(required)) {
                throw refused(source, line, "the entry has no " + required + hint(required));
            }
        }
        String rule = values.get("rule");
        if (rules.stream().noneMatch(info -> ExceptionEntry.names(rule, info))) {
            throw refused(source, line, "unknown rule '" + rule + "'; give a rule id ('audit --list-rules' lists them)"
                    + " or a control id such as " + String.join(" or ", EXAMPLE_CONTROLS));
        }
        String account = values.get("account");
        if (account != null && !account.matches("[0-9]{12}")) {
            throw refused(source, line, "account '" + account + "' is not 12 digits; quote it so that leading zeros stay");
        }
        String credential = values.get("credential");
        if (credential != null && !ExceptionEntry.CREDENTIALS.contains(credential)) {
            throw refused(source, line, "unknown credential '" + credential + "'; one of "
                    + String.join(", ", ExceptionEntry.CREDENTIALS));
        }
        String expiresText = values.get("expires");
        LocalDate expires = date(expiresText);
        if (expires != null && expires.isAfter(today.plusDays(maxDays))) {
            throw refused(source, line, "expires " + expiresText + " is more than " + maxDays
                    + " days out (--max-exception-days); decide again by " + today.plusDays(maxDays));
        }
        return new ExceptionEntry(source, line, rule, values.get("user"), account, credential, values.get("reason"),
                expires, expiresText, values.get("owner"), values.get("ticket"));
    }

    private static String hint(String key) {
        return switch (key) {
            case "reason" -> "; add reason: why the risk is accepted";
            case "expires" -> "; add expires: YYYY-MM-DD, the last day it holds";
            case "rule" -> "; add rule: a rule id or a control id";
            default -> "; add user: a name, an ARN or a glob";
        };
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        Collections.sort(list);
        return list;
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static CredreportException refused(String source, int line, String what) {
        return CredreportException.usage("exceptions file " + source + (line > 0 ? " line " + line : "") + ": " + what);
    }

    public String source() {
        return source;
    }

    public List<ExceptionEntry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The entry that covers a finding, or none: of several, the first one still in force, else the
     * first expired one (so that the finding's note can name it).
     *
     * @param account the finding's 12-digit account, or null when unknown (then only entries for every account cover it)
     * @param credential the finding's credential (one of {@link ExceptionEntry#CREDENTIALS}), or null
     */
    public Optional<ExceptionEntry> match(String account, String userName, String userArn, RuleInfo rule,
            String credential, Clock clock) {
        ExceptionEntry expired = null;
        for (ExceptionEntry entry : entries) {
            if (entry.covers(account, userName, userArn, rule, credential)) {
                if (entry.state(clock, 0) != ExceptionEntry.State.EXPIRED) {
                    return Optional.of(entry);
                }
                if (expired == null) {
                    expired = entry;
                }
            }
        }
        return Optional.ofNullable(expired);
    }

    /** {@link #match} for a finding: its account read from its ARN, its credential as its rule set it. */
    public Optional<ExceptionEntry> match(Finding finding, Clock clock) {
        Credential credential = finding.credential();
        return match(accountOf(finding.arn()), finding.user(), finding.arn(), finding.rule(),
                credential == Credential.NONE ? null : credential.wireName(), clock);
    }

    /** The entries none of {@code used} is: those that matched nothing in this run (stale). */
    public List<ExceptionEntry> stale(Collection<ExceptionEntry> used) {
        Map<ExceptionEntry, Boolean> seen = new IdentityHashMap<>();
        used.forEach(entry -> seen.put(entry, true));
        return entries.stream().filter(entry -> !seen.containsKey(entry)).toList();
    }

    /** The account in an ARN ({@code arn:aws:iam::123456789012:user/x}), or null. */
    public static String accountOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[4].matches("[0-9]{12}") ? parts[4] : null;
    }
}
