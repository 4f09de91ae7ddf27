package dev.credreport.render.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.credreport.audit.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable summary in the page ({@code <script type="application/json" id="credreport-data">}).
 * Inside a script element HTML escaping does not apply, so {@code <}, {@code >} and {@code &} are
 * written as JSON escapes: no text from a report can close the element.
 */
final class PageJson {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new ScriptSafe())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private PageJson() {
    }

    static String of(Page page) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("tool", "credreport");
            json.writeStringField("version", page.version());
            json.writeStringField("page_time", page.pageInstant().toString());
            Map<Severity, Integer> total = new EnumMap<>(Severity.class);
            Integer[] sums = {0, 0, 0, 0, 0, 0};
            for (AccountView account : page.accounts()) {
                account.audit().counts().forEach((severity, count) -> total.merge(severity, count, Integer::sum));
                Glance glance = account.glance();
                sums[0] += glance.users();
                sums[1] += glance.consoleUsers();
                sums[2] += glance.consoleWithoutMfa();
                sums[3] += glance.activeKeys();
                sums[4] = sum(sums[4], glance.oldActiveKeys());
                sums[5] = sum(sums[5], glance.unusedCredentials());
            }
            json.writeObjectFieldStart("at_a_glance");
            figures(json, sums);
            json.writeEndObject();
            severities(json, total);
            json.writeArrayFieldStart("accounts");
            for (AccountView account : page.accounts()) {
                account(json, account);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("failed_accounts");
            for (Page.FailedAccount failed : page.failed()) {
                json.writeStartObject();
                json.writeStringField("account_id", failed.accountId());
                json.writeStringField("error", failed.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void account(JsonGenerator json, AccountView account) throws IOException {
        json.writeStartObject();
        json.writeStringField("account_id", account.accountId());
        json.writeStringField("account_name", account.name());
        json.writeStringField("generated_time", account.audit().generatedTime() == null ? null : account.audit().generatedTime().toString());
        json.writeStringField("as_of", account.audit().settings().asOf().toString());
        Glance glance = account.glance();
        json.writeObjectFieldStart("at_a_glance");
        figures(json, new Integer[] {glance.users(), glance.consoleUsers(), glance.consoleWithoutMfa(), glance.activeKeys(),
            glance.oldActiveKeys(), glance.unusedCredentials()});
        Glance.RootStatus root = glance.root();
        json.writeObjectFieldStart("root");
        json.writeBooleanField("in_report", root.present());
        json.writeBooleanField("has_credentials", root.hasCredentials());
        json.writeBooleanField("mfa_active", root.mfa());
        json.writeNumberField("active_access_keys", root.activeKeys());
        json.writeNumberField("active_signing_certificates", root.activeCertificates());
        json.writeStringField("summary", root.summary());
        json.writeEndObject();
        json.writeEndObject();
        severities(json, account.audit().counts());
        json.writeObjectFieldStart("findings_by_rule");
        for (Recommendation recommendation : account.recommendations()) {
            json.writeNumberField(recommendation.rule().id(), recommendation.count());
        }
        json.writeEndObject();
        json.writeNumberField("users_checked", account.audit().usersChecked());
        json.writeNumberField("ignored_count", account.audit().ignoredCount());
        // Of findings_by_severity, those an exceptions file accepts (listed apart on the page).
        json.writeNumberField("accepted_risks", account.accepted().size());
        if (account.owners()) {
            json.writeStringField("owner_tag", account.ownerTag());
        }
        json.writeArrayFieldStart("history");
        for (HistoryPoint point : account.history()) {
            json.writeStartObject();
            json.writeStringField("generated_time", point.generatedTime().toString());
            json.writeNumberField("users", point.users());
            json.writeNumberField("console_users_without_mfa", point.consoleWithoutMfa());
            json.writeNumberField("old_active_access_keys", point.oldActiveKeys());
            severities(json, point.findings());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A figure some account did not judge (its rule left out by --rules) is null in the sum too: not a 0. */
    private static Integer sum(Integer sum, Integer figure) {
        return sum == null || figure == null ? null : sum + figure;
    }

    private static void figures(JsonGenerator json, Integer[] figures) throws IOException {
        List<String> names = List.of("users", "console_users", "console_users_without_mfa", "active_access_keys",
                "old_active_access_keys", "unused_credentials");
        for (int i = 0; i < names.size(); i++) {
            if (figures[i] == null) {
                json.writeNullField(names.get(i));
            } else {
                json.writeNumberField(names.get(i), figures[i]);
            }
        }
    }

    private static void severities(JsonGenerator json, Map<Severity, Integer> counts) throws IOException {
        json.writeObjectFieldStart("findings_by_severity");
        for (Severity severity : Severity.values()) {
            json.writeNumberField(severity.label(), counts.getOrDefault(severity, 0));
        }
        json.writeEndObject();
    }

    /** JSON's own escapes, plus {@code < > &} so that {@code </script>} cannot appear. */
    private static final class ScriptSafe extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
