package dev.credreport.report;

import static dev.credreport.support.SampleReports.ALICE;
import static dev.credreport.support.SampleReports.HEADER;
import static dev.credreport.support.SampleReports.lines;
import static dev.credreport.support.SampleReports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.credreport.core.CredreportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unquoted-comma read of moto's rows, and finding the line of a byte that is not UTF-8. */
class LenientReadTest {
    static final String MOTO = "c,d,arn:aws:iam::123456789012:user/p,q/c,d,2024-01-01T00:00:00+00:00,false,not_supported,"
            + "2024-01-01T00:00:00+00:00,not_supported,false,false,N/A,N/A,not_supported,not_supported,false,N/A,N/A,"
            + "not_supported,not_supported,false,N/A,false,N/A";

    static List<UserCredentials> read(String csv, List<String> notes) {
        ReportInput input = ReportInput.fromAws(csv.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, "test");
        input.sendNotesTo(notes::add);
        List<UserCredentials> users = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            users.clear();
            try (ReportRows reader = input.openReport()) {
                reader.forEachRemaining(users::add);
            }
        }
        return users;
    }

    @Test
    void should_join_a_name_and_an_arn_with_a_path_that_both_hold_commas_noting_it_once_over_three_reads() {
        List<String> notes = new ArrayList<>();
        List<UserCredentials> users = read(report(ALICE, MOTO), notes);

        assertEquals("c,d", users.get(1).user());
        assertEquals("arn:aws:iam::123456789012:user/p,q/c,d", users.get(1).arn());
        assertEquals(22, users.get(1).cells().size());
        assertEquals("2024-01-01T00:00:00+00:00", users.get(1).cell(2));
        assertEquals(List.of("line 3: user 'c,d' written with unquoted commas (as moto writes them); "
                + "read as the name the ARN ends with"), notes);
    }

    @Test
    void should_join_when_the_arn_comes_before_the_user_and_columns_stand_between() {
        // arn first, then user_creation_time, then user: the extra fields are split around a column.
        String header = HEADER.replace("user,arn,user_creation_time,", "arn,user_creation_time,user,");
        String row = "arn:aws:iam::123456789012:user/a,b,2024-01-01T00:00:00+00:00,a,b"
                + MOTO.substring(MOTO.indexOf(",false,not_supported"));
        List<String> notes = new ArrayList<>();

        List<UserCredentials> users = read(lines(header, row), notes);

        assertEquals("a,b", users.get(0).user());
        assertEquals("arn:aws:iam::123456789012:user/a,b", users.get(0).arn());
        assertEquals(1, notes.size());
    }

    @Test
    void should_refuse_an_ambiguous_or_unmatched_join() {
        // The name does not end the ARN.
        CredreportException unmatched = assertThrows(CredreportException.class,
                () -> read(report(MOTO.replace("user/p,q/c,d", "user/p,q/x,y")), new ArrayList<>()));
        assertEquals("line 2: expected 22 fields as in the header, found 25 (an unquoted comma in a value?)", unmatched.getMessage());
    }

    @Test
    void should_count_lf_cr_and_crlf_to_the_bad_byte() throws IOException {
        assertEquals(-1, Utf8Lines.lineOfFirstMalformed(new ByteArrayInputStream("a\nb\u00e9\n".getBytes(StandardCharsets.UTF_8))));
        byte[] bytes = {'a', '\r', '\n', 'b', '\r', 'c', '\n', (byte) 0xc3, '\n', (byte) 0xff};
        assertEquals(4, Utf8Lines.lineOfFirstMalformed(new ByteArrayInputStream(bytes)));
        byte[] truncated = {'a', '\n', (byte) 0xe2, (byte) 0x82};
        assertEquals(2, Utf8Lines.lineOfFirstMalformed(new ByteArrayInputStream(truncated)));
        byte[] far = new byte[300_000];
        java.util.Arrays.fill(far, (byte) '\n');
        far[250_000] = (byte) 0x80;
        assertEquals(250_001, Utf8Lines.lineOfFirstMalformed(new ByteArrayInputStream(far)));
    }
}
