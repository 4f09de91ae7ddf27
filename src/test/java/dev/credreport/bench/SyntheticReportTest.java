package dev.credreport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.report.CredentialReportReader;
import dev.credreport.report.UserCredentials;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticReportTest {
    static String generate(int rows, int accounts, long seed) throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticReport(seed).write(rows, accounts, out);
        return out.toString();
    }

    @Test
    void should_write_a_report_credreport_reads_with_roots_and_users() throws IOException {
        String report = generate(2000, 4, 7);

        int roots = 0;
        int quoted = 0;
        int rows = 0;
        Set<String> accounts = new HashSet<>();
        boolean sawNoInformation = false;
        boolean sawInactiveKey = false;
        try (CredentialReportReader reader = CredentialReportReader.open(new java.io.ByteArrayInputStream((report).getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                UserCredentials user = reader.next();
                rows++;
                roots += user.isRoot() ? 1 : 0;
                quoted += user.user().contains(",") ? 1 : 0;
                accounts.add(user.accountId());
                sawNoInformation |= user.password().isEnabled() && !user.password().lastUsed().isPresent();
                sawInactiveKey |= user.accessKey1().exists() && !user.accessKey1().isActive();
            }
        }
        assertEquals(2000, rows);
        assertEquals(4, roots);
        assertEquals(4, accounts.size());
        assertTrue(quoted > 0, "some names need quoting");
        assertTrue(sawNoInformation && sawInactiveKey, "the odd values are there");
    }

    @Test
    void should_give_the_same_bytes_for_the_same_seed() throws IOException {
        assertEquals(generate(500, 1, 42), generate(500, 1, 42));
        assertNotEquals(generate(500, 1, 42), generate(500, 1, 43));
    }
}
