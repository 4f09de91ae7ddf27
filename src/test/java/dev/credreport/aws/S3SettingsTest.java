package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.StringInputStream;

class S3SettingsTest {
    @Test
    void should_use_path_style_for_ip_addresses_and_localhost_only() {
        assertTrue(S3Settings.isLocalOrIp(URI.create("http://127.0.0.1:9000")));
        assertTrue(S3Settings.isLocalOrIp(URI.create("http://localhost:4566")));
        assertTrue(S3Settings.isLocalOrIp(URI.create("http://minio.localhost:9000")));
        assertTrue(S3Settings.isLocalOrIp(URI.create("http://[::1]:9000")));
        assertFalse(S3Settings.isLocalOrIp(URI.create("https://s3.eu-west-1.amazonaws.com")));
        assertFalse(S3Settings.isLocalOrIp(URI.create("https://10.example.com")));
        assertFalse(S3Settings.isLocalOrIp(null));
    }

    @Test
    void should_read_addressing_style_from_a_nested_s3_section_as_the_sdk_parses_it() {
        ProfileFile file = ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION)
                .content(new StringInputStream("[profile minio]\nregion = eu-west-1\ns3 =\n  addressing_style = path\n"
                        + "  signature_version = s3v4\n"))
                .build();
        assertEquals(Optional.of("path"), S3Settings.addressingStyle(file, "minio"));
        assertEquals(Optional.empty(), S3Settings.addressingStyle(file, "default"));
        assertEquals(Optional.of("virtual"), S3Settings.subProperty("\naddressing_style = Virtual\n"));
        assertEquals(Optional.empty(), S3Settings.subProperty("\nsignature_version = s3v4\n"));
    }
}
