package dev.credreport.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Writes a realistic synthetic credential report: for each account a root row, then IAM users
 * with a mix of console passwords, MFA, one or two access keys (some inactive, some never used),
 * certificates, every absence token, and now and then a name with a comma. The same seed gives
 * the same bytes.
 *
 * <p>Usage: {@code SyntheticReport USERS SEED OUTPUT [ACCOUNTS]}
 */
public final class SyntheticReport {
    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
            + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
            + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "N/A"};
    private static final String[] SERVICES = {"s3", "iam", "sts", "ec2", "dynamodb", "lambda"};
    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private final Random random;

    SyntheticReport(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SyntheticReport USERS SEED OUTPUT [ACCOUNTS]");
            System.exit(2);
        }
        int users = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        int accounts = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        try (Writer out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            new SyntheticReport(seed).write(users, accounts, out);
        }
    }

    /** Writes {@code rows} rows in all (root rows included), spread over {@code accounts} accounts. */
    void write(int rows, int accounts, Writer out) throws IOException {
        Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        buffered.write(HEADER);
        buffered.write('\n');
        int perAccount = Math.max(1, (rows + accounts - 1) / accounts);
        for (int row = 0; row < rows; row++) {
            String account = String.format("%012d", 100000000000L + row / perAccount * 7919L);
            buffered.write(row % perAccount == 0 ? root(account) : user(account, row));
            buffered.write('\n');
        }
        buffered.flush();
    }

    private String root(String account) {
        return "<root_account>,arn:aws:iam::" + account + ":root," + time(days(2000, 3000)) + ",not_supported,"
                + (chance(70) ? time(days(0, 400)) : "no_information") + ",not_supported,not_supported,"
                + (chance(90) ? "true" : "false") + "," + key(chance(3)) + "," + key(false) + ",false,N/A,false,N/A";
    }

    private String user(String account, int row) {
        String name = chance(1) ? "\"svc,batch-" + row + "\"" : (chance(50) ? "user-" : "svc-") + row;
        String arnName = name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
        String arn = name.startsWith("\"") ? "\"arn:aws:iam::" + account + ":user/" + arnName + "\""
                : "arn:aws:iam::" + account + ":user/" + arnName;
        Instant created = days(30, 2500);
        boolean password = chance(60);
        String passwordColumns = password
                ? "true," + (chance(80) ? time(between(created, NOW)) : "no_information") + "," + time(between(created, NOW))
                        + "," + (chance(20) ? time(days(-60, 60)) : "N/A")
                : "false,N/A,N/A,N/A";
        return name + "," + arn + "," + time(created) + "," + passwordColumns + "," + (password && chance(70) ? "true" : "false")
                + "," + key(chance(70)) + "," + key(chance(15)) + "," + certificate() + "," + certificate();
    }

    private String key(boolean present) {
        if (!present) {
            return "false,N/A,N/A,N/A,N/A";
        }
        boolean active = chance(85);
        Instant rotated = days(1, 1500);
        if (chance(20)) {
            return active + "," + time(rotated) + ",N/A,N/A,N/A";
        }
        String region = REGIONS[random.nextInt(REGIONS.length)];
        return active + "," + time(rotated) + "," + time(between(rotated, NOW)) + "," + region + ","
                + SERVICES[random.nextInt(SERVICES.length)];
    }

    private String certificate() {
        return chance(2) ? (chance(50) ? "true," : "false,") + time(days(10, 2000)) : "false,N/A";
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private Instant days(int fewest, int most) {
        return NOW.minus(Duration.ofSeconds(fewest * 86400L + (long) (random.nextDouble() * (most - fewest) * 86400L)));
    }

    private Instant between(Instant from, Instant to) {
        long span = Math.max(1, Duration.between(from, to).getSeconds());
        return from.plusSeconds((long) (random.nextDouble() * span));
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
