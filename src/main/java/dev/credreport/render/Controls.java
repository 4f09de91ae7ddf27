package dev.credreport.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.audit.Control;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** How renderers write controls: one JSON object each, or their short labels in one cell. */
final class Controls {
    private Controls() {
    }

    /** {@code {"standard": …, "version": …, "id": …}}; version only for CIS, note only where there is one. */
    static void write(JsonGenerator json, Control control) throws IOException {
        json.writeStartObject();
        json.writeStringField("standard", control.standard());
        if (control.version() != null) {
            json.writeStringField("version", control.version());
        }
        json.writeStringField("id", control.id());
        if (control.note() != null) {
            json.writeStringField("note", control.note());
        }
        json.writeEndObject();
    }

    static String labels(List<Control> controls, String separator) {
        return controls.stream().map(Control::label).collect(Collectors.joining(separator));
    }
}
