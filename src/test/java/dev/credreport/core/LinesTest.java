package dev.credreport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {
    @Test
    void should_wrap_at_spaces_to_the_width() {
        assertEquals(List.of("one two", "three four", "five"), Lines.wrap("one two three four five", 10));
        assertEquals("one two\nthree four\nfive\n", Lines.wrapped("one two three four five", 10));
    }

    @Test
    void should_keep_a_word_longer_than_the_width_whole_on_its_own_line() {
        assertEquals(List.of("see", "https://example.com/a/long/path", "now"), Lines.wrap("see https://example.com/a/long/path now", 10));
    }

    @Test
    void should_not_wrap_without_a_width() {
        assertEquals(List.of("one two three"), Lines.wrap("one two three", 0));
        assertEquals("one two three\n", Lines.wrapped("one two three", 0));
    }

    @Test
    void should_cut_with_an_ellipsis_and_never_split_a_surrogate_pair() {
        assertEquals("abcd", Lines.cut("abcd", 4));
        assertEquals("abc\u2026", Lines.cut("abcde", 4));
        assertEquals("ab\u2026", Lines.cut("ab\ud83d\ude00cd", 4));
        assertEquals("\u2026", Lines.cut("abcde", 1));
    }
}
