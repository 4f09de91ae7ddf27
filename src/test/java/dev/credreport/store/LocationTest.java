package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocationTest {
    @Test
    void should_read_a_bucket_and_a_prefix() {
        assertEquals(new Location.S3("my-bucket", "a/b"), Location.parse("s3://my-bucket/a/b", "--output-dir"));
        assertEquals(new Location.S3("my-bucket", ""), Location.parse("S3://my-bucket", "--output-dir"));
        assertEquals("a/b/", new Location.S3("b12", "a/b").asPrefix().key());
        assertEquals("", new Location.S3("b12", "").asPrefix().key());
    }

    @Test
    void should_take_anything_without_a_scheme_for_a_local_path() {
        assertEquals(new Location.Local(Path.of("reports")), Location.parse("reports", "--output-dir"));
        assertEquals(new Location.Local(Path.of("/srv/s3:x")), Location.parse("/srv/s3:x", "--output-dir"));
    }

    @Test
    void should_refuse_other_schemes_and_bad_buckets_as_usage_errors() {
        for (String text : new String[] {"gs://bucket/x", "file:///tmp/x", "s3://UPPER/x", "s3://ab/x", "s3://bucket//x"}) {
            CredreportException e = assertThrows(CredreportException.class, () -> Location.parse(text, "--dir"), text);
            assertEquals(ExitCode.USAGE, e.exitCode(), text);
            assertTrue(e.getMessage().startsWith("--dir: '" + text + "'"), e.getMessage());
        }
    }
}
