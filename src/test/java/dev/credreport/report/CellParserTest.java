package dev.credreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellParserTest {
    @Test
    void should_read_aws_times_as_the_general_parser_does() {
        Random random = new Random(11);
        DateTimeFormatter offset = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
        DateTimeFormatter zulu = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
        for (int i = 0; i < 20_000; i++) {
            Instant time = Instant.ofEpochSecond(946684800L + (long) (random.nextDouble() * 1_000_000_000L));
            for (String text : new String[] {offset.format(time), zulu.format(time)}) {
                assertEquals(OffsetDateTime.parse(text).toInstant(), CellParser.utcFastPath(text), text);
                assertEquals(time, CellParser.instant(text), text);
            }
        }
    }

    @Test
    void should_count_epoch_days_as_java_time_does() {
        for (java.time.LocalDate date = java.time.LocalDate.of(1899, 12, 1); date.getYear() < 2101; date = date.plusDays(1)) {
            assertEquals(date.toEpochDay(), CellParser.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()),
                    date::toString);
        }
    }

    @Test
    void should_know_leap_days() {
        assertEquals(Instant.parse("2024-02-29T12:00:00Z"), CellParser.utcFastPath("2024-02-29T12:00:00+00:00"));
        assertNull(CellParser.utcFastPath("2023-02-29T12:00:00+00:00"));
        assertThrows(IllegalArgumentException.class, () -> CellParser.instant("2023-02-29T12:00:00+00:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05T10:21:07+02:00", "2024-03-05T10:21:07.250Z", "2024-03-05T10:21:07.5+00:00"})
    void should_leave_other_shapes_to_the_general_parser(String text) {
        assertNull(CellParser.utcFastPath(text));
        assertEquals(OffsetDateTime.parse(text).toInstant(), CellParser.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-05T10:21:07+00:00", "2024-03-32T10:21:07Z", "2024-03-05T24:00:00Z",
        "2024-03-05T10:60:07Z", "2024-03-05 10:21:07+00:00", "20x4-03-05T10:21:07Z", "2024-03-05T10:21:07+00:0", "soon"})
    void should_refuse_what_is_not_a_time(String text) {
        assertThrows(IllegalArgumentException.class, () -> CellParser.instant(text));
    }

    @Test
    void should_count_the_days_of_a_month_as_java_time_does() {
        for (int year = -800; year <= 2800; year++) {
            for (int month = 1; month <= 12; month++) {
                assertEquals(java.time.YearMonth.of(year, month).lengthOfMonth(), CellParser.lengthOfMonth(year, month),
                        year + "-" + month);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "false", "FALSE", "fAlSe"})
    void should_read_true_and_false_in_any_case(String text) {
        assertEquals(text.equalsIgnoreCase("true"), CellParser.bool(text).orElse(null));
    }
}
