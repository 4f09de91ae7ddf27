package dev.credreport.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Where the SDK's log lines go: nowhere, unless --debug pointed them at the command's error
 * writer. Every line passes through redaction first, so --debug never shows secrets: the
 * credentials in use are masked by value, signatures and tokens by their shape.
 */
public final class DebugLog {
    private static final String MASK = "****";
    private static final Pattern[] SECRET_SHAPES = {
        Pattern.compile("(?i)(authorization\\s*[:=]\\s*)[^\\r\\n]+"),
        Pattern.compile("(?i)(x-amz-security-token\\s*[:=]\\s*)[^\\s,&;)\\]]+"),
        Pattern.compile("(?i)(signature\\s*=\\s*)[0-9a-f]+"),
        Pattern.compile("(?i)(credential\\s*=\\s*)[^\\s,/]+"),
        Pattern.compile("(?i)((?:aws_)?(?:secret_access_key|session_token|secretAccessKey|sessionToken)\\s*[:=]\\s*)[^\\s,;)]+"),
        // A credential_process line as a profile or a message shows it: its arguments may be secrets.
        Pattern.compile("(?i)(credential_process\\s*[:=]\\s*)[^\\r\\n]+"),
    };

    private static final Set<String> secrets = new CopyOnWriteArraySet<>();
    private static volatile PrintWriter sink;

    private DebugLog() {
    }

    /** Starts sending log lines to the writer. */
    public static void enable(PrintWriter writer) {
        sink = writer;
    }

    public static void disable() {
        sink = null;
    }

    public static boolean enabled() {
        return sink != null;
    }

    /** Masks this value wherever it appears in a log line. */
    public static void addSecret(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    public static void log(String level, String logger, String message, Throwable error) {
        PrintWriter writer = sink;
        if (writer == null) {
            return;
        }
        StringBuilder line = new StringBuilder("debug: ").append(level).append(' ').append(logger).append(": ").append(message);
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        String text = redact(line.toString());
        synchronized (writer) {
            writer.println(text);
            writer.flush();
        }
    }

    /** The text with every known secret and every secret-shaped value masked. */
    public static String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        for (Pattern shape : SECRET_SHAPES) {
            result = shape.matcher(result).replaceAll("$1" + MASK);
        }
        return result;
    }
}
