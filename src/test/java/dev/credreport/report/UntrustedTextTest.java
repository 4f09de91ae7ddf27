package dev.credreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {
    @Test
    void should_leave_ordinary_text_alone() {
        String name = "deploy+ci=prod,eu.west@example-1_x";

        assertSame(name, UntrustedText.escape(name));
    }

    @Test
    void should_escape_control_characters_and_bidi_overrides() {
        assertEquals("a\\x1b[31mb\\x07c\\td\\ne\\rf\\x7fg\\x9bh\\u202ei\\u2066j",
                UntrustedText.escape("a\u001b[31mb\u0007c\td\ne\rf\u007fg\u009bh\u202ei\u2066j"));
    }

    @Test
    void should_quote_a_value_whole_up_to_the_value_limit() {
        String value = "v".repeat(UntrustedText.VALUE_LIMIT);

        assertEquals("'" + value + "'", UntrustedText.quote(value));
        assertEquals("'a\\nb'", UntrustedText.quote("a\nb"));
    }

    @Test
    void should_cut_a_longer_value_and_say_its_length() {
        String value = "v".repeat(UntrustedText.VALUE_LIMIT + 1);

        assertEquals("'" + "v".repeat(UntrustedText.VALUE_LIMIT) + "\u2026' (81 characters)", UntrustedText.quote(value));
    }

    @Test
    void should_not_split_a_surrogate_pair_where_it_cuts() {
        String value = "v".repeat(UntrustedText.VALUE_LIMIT - 1) + "\ud83d\ude00" + "tail";

        String quoted = UntrustedText.quote(value);

        assertEquals("'" + "v".repeat(UntrustedText.VALUE_LIMIT - 1) + "\u2026' (" + value.length() + " characters)", quoted);
    }

    @Test
    void should_pass_on_a_message_up_to_the_message_limit_escaped() {
        String message = "m".repeat(UntrustedText.MESSAGE_LIMIT);

        assertEquals(message, UntrustedText.excerpt(message));
        assertEquals("", UntrustedText.excerpt(null));
        assertEquals("User: x is not authorized\\x1b[2J", UntrustedText.excerpt("User: x is not authorized\u001b[2J"));
    }

    @Test
    void should_cut_a_longer_message_with_an_ellipsis() {
        String message = "m".repeat(UntrustedText.MESSAGE_LIMIT) + "\u001b[2J and more";

        String excerpt = UntrustedText.excerpt(message);

        assertEquals("m".repeat(UntrustedText.MESSAGE_LIMIT) + "\u2026", excerpt);
        assertTrue(UntrustedText.VALUE_LIMIT < UntrustedText.MESSAGE_LIMIT, "a value is quoted inside a message");
    }
}
