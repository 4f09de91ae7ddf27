package dev.credreport.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.diff.Change;
import dev.credreport.diff.DiffResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Changes as one JSON document, written even when nothing changed so that consumers always get JSON. */
final class DiffJsonRenderer implements Format<DiffResult> {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(DiffResult result, Writer out, RenderContext context) throws IOException {
        try (JsonGenerator json = Json.generator(out)) {
            json.writeStartObject();
            writeSide(json, "old", result.oldReport());
            writeSide(json, "new", result.newReport());
            json.writeArrayFieldStart("changes");
            for (Change change : result.changes()) {
                json.writeStartObject();
                json.writeStringField("user", change.user());
                json.writeStringField("arn", change.arn());
                json.writeBooleanField("root", change.root());
                json.writeStringField("change", change.kind().id());
                json.writeStringField("subject", change.subject());
                json.writeStringField("description", change.description());
                json.writeStringField("before", change.before().isEmpty() ? null : change.before());
                json.writeStringField("after", change.after().isEmpty() ? null : change.after());
                json.writeBooleanField("security_relevant", change.alert());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("summary", result.summary());
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeSide(JsonGenerator json, String name, DiffResult.Side side) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("source", side.source());
        json.writeStringField("origin", side.origin().name().toLowerCase(Locale.ROOT));
        json.writeStringField("generated_time", side.generatedTime() == null ? null : side.generatedTime().toString());
        json.writeStringField("account_id", side.accountId());
        json.writeEndObject();
    }
}
