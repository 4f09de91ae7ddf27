package dev.credreport.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CSV of a saved report does not say about itself, kept in a file beside it: when AWS
 * generated it, whose it is, and a digest that ties the two files together.
 */
public record ReportMetadata(Instant generatedTime, String accountId, String partition, String toolVersion, String sha256) {
    private static final JsonFactory JSON = new JsonFactory();

    public ReportMetadata {
        Objects.requireNonNull(generatedTime, "generatedTime");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Digest().digest(content));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether these metadata describe this content. */
    public boolean describes(byte[] content) {
        return sha256.equals(sha256(content));
    }

    /** Whether these metadata describe the content of this file, read a buffer at a time. */
    public boolean describes(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return sha256.equals(HexFormat.of().formatHex(digest.digest()));
    }

    public String toJson() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("generated_time", generatedTime.toString());
            json.writeStringField("account_id", accountId);
            json.writeStringField("partition", partition);
            json.writeStringField("tool_version", toolVersion);
            json.writeStringField("sha256", sha256);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return text + "\n";
    }

    /** Reads metadata written by {@link #toJson()}; empty when the text is not such a document. */
    public static Optional<ReportMetadata> fromJson(byte[] text) {
        String generated = null;
        String account = null;
        String partition = null;
        String version = null;
        String digest = null;
        try (JsonParser json = JSON.createParser(new String(text, StandardCharsets.UTF_8))) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.getCurrentName();
                json.nextToken();
                String value = json.getValueAsString();
                switch (field) {
                    case "generated_time": generated = value; break;
                    case "account_id": account = value; break;
                    case "partition": partition = value; break;
                    case "tool_version": version = value; break;
                    case "sha256": digest = value; break;
                    default: json.skipChildren(); break;
                }
            }
            if (generated == null || account == null || partition == null || version == null || digest == null) {
                return Optional.empty();
            }
            return Optional.of(new ReportMetadata(Instant.parse(generated), account, partition, version, digest));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
