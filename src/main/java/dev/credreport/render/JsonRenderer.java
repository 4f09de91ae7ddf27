package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.core.CredreportException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.report.Column;
import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportHeader;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportValue;
import dev.credreport.report.UserCredentials;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON document: the report's metadata, then each user with typed values under the CSV's
 * column names. An absent value is null, and the token AWS wrote for it is kept in the user's
 * {@code absent} object; columns credreport does not know are kept as text in {@code extra}.
 * Many accounts' reports are one document: every user with an account_id, then a list of the
 * accounts with their status, generated time and, for a failed one, its error.
 */
final class JsonRenderer implements AccountsFormat<ReportInput> {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(ReportInput input, Writer out, RenderContext context) throws IOException {
        try (ReportRows report = input.openReport();
                JsonGenerator json = Json.generator(out)) {
            UserCredentials first = report.hasNext() ? report.next() : null;
            json.writeStartObject();
            writeMetadata(json, input, report.header(), first);
            json.writeArrayFieldStart("users");
            if (first != null) {
                writeUser(json, first);
            }
            while (report.hasNext()) {
                writeUser(json, report.next());
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.write('\n');
        }
    }

    /** One account in the closing list: when its report was generated, or why it failed. */
    private record AccountEntry(Account account, String generatedTime, String error) {
    }

    @Override
    public Sections<ReportInput> sections(Writer out, RenderContext context) {
        return new Sections<>() {
            private final List<AccountEntry> accounts = new ArrayList<>();
            private JsonGenerator json;

            @Override
            public void start() throws IOException {
                json = Json.generator(out);
                json.writeStartObject();
                json.writeArrayFieldStart("users");
            }

            @Override
            public void account(Account account, ReportInput report) throws IOException {
                accounts.add(new AccountEntry(account, report.generatedTime().map(Object::toString).orElse(null), null));
                try (ReportRows reader = report.openReport()) {
                    while (reader.hasNext()) {
                        writeUser(json, reader.next(), account);
                    }
                }
            }

            @Override
            public void failed(Account account, CredreportException failure) {
                accounts.add(new AccountEntry(account, null, failure.getMessage()));
            }

            @Override
            public void end() throws IOException {
                json.writeEndArray();
                json.writeArrayFieldStart("accounts");
                for (AccountEntry entry : accounts) {
                    json.writeStartObject();
                    json.writeStringField("account_id", entry.account().id());
                    json.writeStringField("account_name", entry.account().name());
                    json.writeStringField("status", entry.error() == null ? "ok" : "failed");
                    json.writeStringField("generated_time", entry.generatedTime());
                    if (entry.error() != null) {
                        json.writeStringField("error", entry.error());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
                json.close();
                out.write('\n');
            }
        };
    }

    private static void writeMetadata(JsonGenerator json, ReportInput input, ReportHeader header, UserCredentials first)
            throws IOException {
        json.writeObjectFieldStart("report");
        writeTime(json, "generated_time", input.generatedTime().orElse(null));
        json.writeStringField("account_id", first == null ? null : first.accountId());
        json.writeStringField("source", input.origin().name().toLowerCase(Locale.ROOT));
        json.writeStringField("source_name", input.name());
        json.writeArrayFieldStart("columns");
        for (String name : header.names()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeUser(JsonGenerator json, UserCredentials user) throws IOException {
        writeUser(json, user, null);
    }

    /** One user's object; with the account's id and name first when the document merges accounts. */
    private static void writeUser(JsonGenerator json, UserCredentials user, Account account) throws IOException {
        ReportHeader header = user.header();
        json.writeStartObject();
        if (account != null) {
            json.writeStringField("account_id", account.id());
            json.writeStringField("account_name", account.name());
        }
        json.writeStringField(Column.USER.columnName(), user.user());
        json.writeStringField(Column.ARN.columnName(), user.arn());
        writeTime(json, Column.USER_CREATION_TIME.columnName(), user.creationTime());
        for (Column column : Column.values()) {
            if (column.ordinal() > Column.USER_CREATION_TIME.ordinal() && header.has(column)) {
                writeValue(json, column.columnName(), user.value(column));
            }
        }
        boolean anyAbsent = false;
        for (Column column : Column.values()) {
            if (column.ordinal() > Column.USER_CREATION_TIME.ordinal() && header.has(column)) {
                ReportValue<?> value = user.value(column);
                if (!value.isPresent()) {
                    if (!anyAbsent) {
                        json.writeObjectFieldStart("absent");
                        anyAbsent = true;
                    }
                    json.writeStringField(column.columnName(), value.absence().token());
                }
            }
        }
        if (anyAbsent) {
            json.writeEndObject();
        }
        Map<String, String> unknown = user.unknownColumns();
        if (!unknown.isEmpty()) {
            json.writeObjectFieldStart("extra");
            for (Map.Entry<String, String> entry : unknown.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, String name, ReportValue<?> value) throws IOException {
        Object present = value.value();
        if (present == null) {
            json.writeNullField(name);
        } else if (present instanceof Boolean) {
            json.writeBooleanField(name, (Boolean) present);
        } else if (present instanceof Instant) {
            writeTime(json, name, (Instant) present);
        } else {
            json.writeStringField(name, present.toString());
        }
    }

    static void writeTime(JsonGenerator json, String name, Instant time) throws IOException {
        if (time == null) {
            json.writeNullField(name);
        } else {
            // Instant.toString is ISO 8601 in UTC with a Z.
            json.writeStringField(name, time.toString());
        }
    }
}
