package dev.credreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void should_leave_ordinary_text_alone() {
        String name = "deploy+ci=prod,eu.west@example-1_x";

        assertSame(name, TerminalText.escape(name));
    }

    @Test
    void should_escape_control_characters_and_bidi_overrides() {
        assertEquals("a\\x1b[31mb\\x07c\\td\\ne\\rf\\x7fg\\x9bh\\u202ei\\u2066j",
                TerminalText.escape("a\u001b[31mb\u0007c\td\ne\rf\u007fg\u009bh\u202ei\u2066j"));
    }
}
