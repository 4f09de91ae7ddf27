package dev.credreport.cli;

import dev.credreport.render.Formats;

import dev.credreport.aws.SdkPrewarm;
import dev.credreport.aws.Sleeper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Runs the commands of one kind of run (fetch --input, fetch from AWS, or all) once each on a
 * small report, fetched over loopback from an in-process stand-in for IAM, so that the launcher
 * can record which classes such a run loads into that kind's class-data sharing archive. Hidden:
 * only the launcher calls it.
 */
@Command(name = "cds-training", hidden = true, description = "Exercise every command for a class-data sharing archive.")
final class TrainingCommand implements Callable<Integer> {
    private static final String REPORT = String.join("\n",
            "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
                    + "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
                    + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,"
                    + "access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
                    + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
            "<root_account>,arn:aws:iam::000000000000:root,2020-01-01T00:00:00+00:00,not_supported,2024-01-01T00:00:00+00:00,"
                    + "not_supported,not_supported,false,true,2020-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
                    + "false,N/A,false,N/A",
            "trainee,arn:aws:iam::000000000000:user/trainee,2020-01-01T00:00:00+00:00,true,no_information,"
                    + "2020-01-01T00:00:00+00:00,N/A,false,true,2020-01-01T00:05:00+00:00,2024-01-01T00:00:00+00:00,"
                    + "us-east-1,iam,true,2021-01-01T00:00:00Z,N/A,N/A,N/A,true,2020-01-01T00:00:00+00:00,false,N/A",
            // A name with a comma is quoted, and a quoted record is read by commons-csv: without
            // one here its classes would stay out of the archive and load from the jar.
            "\"trainee,quoted\",\"arn:aws:iam::000000000000:user/trainee,quoted\",2020-01-01T00:00:00+00:00,false,N/A,N/A,N/A,"
                    + "false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "");

    /**
     * The kind of run the archive is for, as the launcher names it: {@code all}, or
     * {@code input-FORMAT}, {@code fetch-FORMAT} or {@code http-FORMAT} for a fetch from a file,
     * from AWS, or from a plain-HTTP endpoint (no TLS) in one format ({@code default}: the table
     * and csv, the formats a fetch chooses by itself).
     */
    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", defaultValue = "all",
            description = "all, input-FORMAT, fetch-FORMAT or http-FORMAT.")
    String group = "all";

    @Override
    public Integer call() throws IOException {
        System.setProperty("aws.accessKeyId", "AKIDCDSTRAINING00000");
        System.setProperty("aws.secretAccessKey", "cds-training-only");
        HttpServer server = standIn();
        Path directory = Files.createTempDirectory("credreport-cds-");
        try {
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
            Path saved = Files.writeString(directory.resolve("old.csv"), REPORT);
            Path changed = Files.writeString(directory.resolve("new.csv"), REPORT.replace(",false,true,2020", ",true,true,2020"));
            if (!group.equals("all")) {
                return fetchOnly(endpoint, saved, directory);
            }
            // Every format of the registry, so that a new one is in the archive too.
            for (String format : Formats.reports().names()) {
                run("fetch", "--endpoint-url", endpoint, "--format", format, "-q");
                run("fetch", "--input", saved.toString(), "--format", format, "-o", directory.resolve("out").toString());
                run("fetch", "--input", saved.toString(), "--format", format);
            }
            run("fetch", "--endpoint-url", endpoint, "--output-dir", directory.resolve("saved").toString(), "-q");
            SdkPrewarm.buildCredentialLookupFailure();
            SdkPrewarm.buildTlsClient();
            for (String format : Formats.audits().names()) {
                // A format that names a Security Hub region is given one; no call is made for it.
                String region = Formats.audits().named(format).needsSecurityHubRegion() ? "us-east-1" : null;
                run(withRegion(region, "audit", "--endpoint-url", endpoint, "--format", format, "-q"));
                run(withRegion(region, "audit", "--input", saved.toString(), "--format", format));
            }
            for (String format : Formats.diffs().names()) {
                run("diff", saved.toString(), changed.toString(), "--format", format);
            }
            run("--help");
            return 0;
        } finally {
            server.stop(0);
            deleteTree(directory);
        }
    }

    /** The runs of one kind of fetch; 2 (and so no archive) for a kind that names no format. */
    private int fetchOnly(String endpoint, Path saved, Path directory) {
        boolean fromFile = group.startsWith("input-");
        boolean plainHttp = group.startsWith("http-");
        String named = group.substring(group.indexOf('-') + 1);
        if (!(fromFile || plainHttp || group.startsWith("fetch-"))
                || !(named.equals("default") || Formats.reports().names().contains(named))) {
            return 2;
        }
        List<String> formats = named.equals("default") ? List.of("table", "csv") : List.of(named);
        for (String format : formats) {
            if (fromFile) {
                run("fetch", "--input", saved.toString(), "--format", format, "-o", directory.resolve("out").toString());
                run("fetch", "--input", saved.toString(), "--format", format);
            } else {
                run("fetch", "--endpoint-url", endpoint, "--format", format, "-q");
            }
        }
        if (!fromFile) {
            if (named.equals("default")) {
                run("fetch", "--endpoint-url", endpoint, "--output-dir", directory.resolve("saved").toString(), "-q");
            }
            SdkPrewarm.buildCredentialLookupFailure();
            if (!plainHttp) {
                SdkPrewarm.buildTlsClient();
            }
        }
        // No --help: its classes (about a megabyte of archive) would be mapped by every run.
        return 0;
    }

    private static String[] withRegion(String region, String... args) {
        if (region == null) {
            return args;
        }
        String[] with = java.util.Arrays.copyOf(args, args.length + 2);
        with[args.length] = "--security-hub-region";
        with[args.length + 1] = region;
        return with;
    }

    private static void run(String... args) {
        Environment environment = new Environment(Map.of(), InputStream.nullInputStream(), false, false, () -> 80,
                Clock.systemUTC(), Sleeper.SYSTEM, Ticker.SYSTEM);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        CommandLineFactory.run(environment, discard, discard, args);
    }

    private static HttpServer standIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String namespace = "https://iam.amazonaws.com/doc/2010-05-08/";
        server.createContext("/", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String body = form.contains("Action=GenerateCredentialReport")
                    ? "<GenerateCredentialReportResponse xmlns=\"" + namespace + "\"><GenerateCredentialReportResult>"
                            + "<State>COMPLETE</State></GenerateCredentialReportResult><ResponseMetadata><RequestId>t</RequestId>"
                            + "</ResponseMetadata></GenerateCredentialReportResponse>"
                    : "<GetCredentialReportResponse xmlns=\"" + namespace + "\"><GetCredentialReportResult><Content>"
                            + Base64.getEncoder().encodeToString(REPORT.getBytes(StandardCharsets.UTF_8))
                            + "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2024-01-01T00:00:00Z</GeneratedTime>"
                            + "</GetCredentialReportResult><ResponseMetadata><RequestId>t</RequestId></ResponseMetadata>"
                            + "</GetCredentialReportResponse>";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
