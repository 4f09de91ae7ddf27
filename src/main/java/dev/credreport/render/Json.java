package dev.credreport.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;

/** The JSON writer every JSON output shares: pretty, two-space indents, non-ASCII escaped. */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // User names are ASCII; escaping the rest keeps the output safe to print on any terminal.
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {
    }

    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out);
        json.setPrettyPrinter(PRETTY.createInstance());
        return json;
    }
}
