package dev.credreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One registry of formats per kind of result (issue 21, point 3). */
class FormatsTest {
    @Test
    void should_list_each_kind_s_formats_in_help_order() {
        assertEquals(List.of("table", "csv", "blocks", "json"), Formats.reports().names());
        assertEquals(List.of("table", "json", "csv", "sarif", "asff"), Formats.audits().names());
        assertEquals(List.of("table", "json", "csv"), Formats.diffs().names());
        assertEquals(List.of("table", "json", "csv"), Formats.ruleLists().names());
    }

    @Test
    void should_find_a_format_in_any_case_and_text_as_csv() {
        assertEquals("csv", Formats.reports().find("TEXT").orElseThrow().name());
        assertEquals("json", Formats.audits().find(" Json ").orElseThrow().name());
        assertEquals("sarif", Formats.audits().find("SARIF").orElseThrow().name());
    }

    @Test
    void should_not_find_another_kind_s_format() {
        assertTrue(Formats.reports().find("sarif").isEmpty());
        assertTrue(Formats.diffs().find("blocks").isEmpty());
        assertTrue(Formats.ruleLists().find("asff").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Formats.reports().named("sarif"));
    }

    @Test
    void should_say_only_asff_needs_a_security_hub_region() {
        for (String name : Formats.audits().names()) {
            assertEquals(name.equals("asff"), Formats.audits().named(name).needsSecurityHubRegion(), name);
        }
        assertFalse(Formats.reports().named("json").needsSecurityHubRegion());
    }

    @Test
    void should_join_the_choices_for_a_message() {
        assertEquals("table, json or csv", Formats.ruleLists().choices());
    }
}
