package dev.credreport.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake AWS for multi-account runs, on one loopback endpoint: Organizations ListAccounts in
 * pages, STS GetCallerIdentity and AssumeRole (refusing some roles), and IAM credential reports
 * per account, the account told by the access key a request is signed with.
 */
public final class FakeOrganization implements AutoCloseable {
    public static final String MANAGEMENT = "999999999999";
    private static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final FakeIam server = FakeIam.start();
    private final List<String> accounts;
    private final Set<String> suspended;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> stuck = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final int pageSize;
    private volatile Duration latency = Duration.ZERO;
    private volatile java.util.function.Consumer<FakeIam.Request> beforeIamAnswer = request -> { };
    private volatile boolean listingDenied;
    private final Set<String> bad = ConcurrentHashMap.newKeySet();
    private final Set<String> headerOnly = ConcurrentHashMap.newKeySet();
    private final Map<String, String> extraRows = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    /** A row whose creation time is no time: what a damaged report holds. */
    public static final String BAD_ROW = SampleReports.CAROL.replace("2023-03-03T03:03:03+00:00,true", "yesterday,true");
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger mostBusy = new AtomicInteger();
    private final Map<String, Integer> throttleEvery = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger throttles = new AtomicInteger();
    private volatile RateLimit assumeRoleLimit;
    private volatile Instant generated = Instant.parse("2024-06-01T00:00:00Z");
    private final Map<String, Duration> slow = new ConcurrentHashMap<>();
    private final Object hold = new Object();
    private int holdUntil;
    private boolean held;

    /** An Organization of these accounts (the management account is always one of them). */
    public FakeOrganization(List<String> accounts, Set<String> suspended, int pageSize) {
        this.accounts = List.copyOf(accounts);
        this.suspended = Set.copyOf(suspended);
        this.pageSize = pageSize;
        server.route(this::answer);
    }

    /** Accounts 100000000001, 100000000002, ... */
    public static List<String> accounts(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(String.format("%012d", 100000000000L + i));
        }
        return ids;
    }

    public String endpoint() {
        return server.endpoint().toString();
    }

    /** The settings of a run against this Organization (Organizations, STS and IAM all here), for tests below the command line. */
    public dev.credreport.aws.AwsSettings settings() {
        java.net.URI uri = server.endpoint();
        CommandHarness.useTestCredentials();
        return new dev.credreport.aws.AwsSettings(null, false, "us-east-1", software.amazon.awssdk.regions.Region.AWS_GLOBAL,
                uri, uri, uri, null, null, null, true, Duration.ofSeconds(5), Duration.ofSeconds(60),
                dev.credreport.aws.Sleeper.SYSTEM, dev.credreport.aws.Profiles.load());
    }

    /** The roles --org assumes by default: OrganizationAccountAccessRole in each account. */
    public static final dev.credreport.aws.AccountAccess.RoleSettings ROLES = new dev.credreport.aws.AccountAccess.RoleSettings(
            "arn:{partition}:iam::{account}:role/" + dev.credreport.aws.AccountAccess.DEFAULT_ROLE, null, "credreport");

    public FakeIam server() {
        return server;
    }

    /** The name ListAccounts gives the account (else "account <id>"). */
    public FakeOrganization name(String account, String name) {
        names.put(account, name);
        return this;
    }

    public FakeOrganization refuseRole(String account) {
        refused.add(account);
        return this;
    }

    /** The account's report ends with this row (whole, with no line end). */
    public FakeOrganization extraRow(String account, String row) {
        extraRows.put(account, row + "\n");
        return this;
    }

    /** The account's report ends with a row that is not a credential report's. */
    public FakeOrganization badReport(String account) {
        bad.add(account);
        return this;
    }

    /** The account's report is its header alone, as moto writes for a new account with no users. */
    public FakeOrganization headerOnly(String account) {
        headerOnly.add(account);
        return this;
    }

    public FakeOrganization stuckInProgress(String account) {
        stuck.add(account);
        return this;
    }

    /** The account's first {@code times} IAM requests are throttled. */
    public FakeOrganization throttle(String account, int times) {
        throttled.put(account, new AtomicInteger(times));
        return this;
    }

    /**
     * All but every {@code n}th call of the action (ListAccounts, AssumeRole, GenerateCredentialReport,
     * GetCredentialReport) is throttled when {@code n} is negative; every {@code n}th is when positive:
     * {@code throttleEvery("ListAccounts", 2)} throttles half the pages asked for,
     * {@code throttleEvery("AssumeRole", -3)} lets only a third of the roles through. Each service
     * answers as AWS does: Throttling (STS, IAM), TooManyRequestsException (Organizations).
     */
    public FakeOrganization throttleEvery(String action, int n) {
        throttleEvery.put(action, n);
        return this;
    }

    /** AssumeRole answers at most {@code perSecond} calls a second (in real time) and throttles the rest. */
    public FakeOrganization limitAssumeRole(int perSecond) {
        assumeRoleLimit = new RateLimit(perSecond);
        return this;
    }

    /** The account's IAM requests are answered only after {@code delay}; a very long one is a hung account. */
    public FakeOrganization slow(String account, Duration delay) {
        slow.put(account, delay);
        return this;
    }

    /** The generated time every report is given (2024-06-01T00:00:00Z unless told): a benchmark's day of saving. */
    public FakeOrganization generatedAt(Instant time) {
        this.generated = time;
        return this;
    }

    /** How many calls were throttled in all. */
    public int throttled() {
        return throttles.get();
    }

    /** Organizations refuses ListAccounts, as for a caller outside the management account. */
    public FakeOrganization denyListing() {
        listingDenied = true;
        return this;
    }

    /** Every IAM answer takes this long: for the benchmark, which times runs against a realistic IAM. */
    public FakeOrganization latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /**
     * The first IAM answers wait until this many IAM requests are being worked on at once, so
     * that concurrency shows without a delay; from then on answers go out at once. A client that
     * never has that many in flight is held for ten seconds at most, and then shows it in
     * {@link #mostInFlight}.
     */
    public FakeOrganization holdUntilInFlight(int requests) {
        synchronized (hold) {
            holdUntil = requests;
        }
        return this;
    }

    /**
     * Runs this on each IAM request as it arrives, before it is answered, in the thread that will
     * answer it: a test's hook to tick a clock or to see what goes on while an account waits.
     */
    public FakeOrganization beforeIamAnswer(java.util.function.Consumer<FakeIam.Request> hook) {
        this.beforeIamAnswer = hook;
        return this;
    }

    /**
     * The most IAM requests that were being worked on at once. A request counts while it waits out
     * the latency, and stops counting before its answer is sent, so that a client's next request
     * can never overlap its previous one here.
     */
    public int mostInFlight() {
        return mostBusy.get();
    }

    /** The report the fake serves for an account: its root user and two users. */
    public static String report(String account) {
        return SampleReports.lines(SampleReports.HEADER,
                SampleReports.ROOT.replace("123456789012", account),
                SampleReports.ALICE.replace("123456789012", account),
                SampleReports.CAROL.replace("123456789012", account));
    }

    @Override
    public void close() {
        server.close();
    }

    private FakeIam.Reply answer(FakeIam.Request request) {
        if (throttledNow(request.action())) {
            throttles.incrementAndGet();
            return request.action().equals("ListAccounts")
                    ? FakeIam.raw(400, "application/x-amz-json-1.1", "{\"__type\":\"TooManyRequestsException\","
                            + "\"Message\":\"AWS Organizations can't complete your request because another request is "
                            + "already in progress. Try again later.\"}")
                    : FakeIam.error(400, "Throttling", "Rate exceeded");
        }
        switch (request.action()) {
            case "ListAccounts":
                return listingDenied
                        ? FakeIam.raw(400, "application/x-amz-json-1.1", "{\"__type\":\"AccessDeniedException\","
                                + "\"Message\":\"You don't have permissions to access this resource.\"}")
                        : listAccounts(request.body());
            case "GetCallerIdentity":
                return FakeIam.xml(200, "<GetCallerIdentityResponse xmlns=\"" + STS + "\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::" + MANAGEMENT + ":user/auditor</Arn><UserId>AIDAFIXTURE</UserId>"
                        + "<Account>" + MANAGEMENT + "</Account></GetCallerIdentityResult>"
                        + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
            case "AssumeRole":
                return assumeRole(request.form().get("RoleArn"));
            case "GenerateCredentialReport":
            case "GetCredentialReport":
                return iam(request);
            default:
                return FakeIam.error(400, "InvalidAction", "no such action " + request.action());
        }
    }

    private boolean throttledNow(String action) {
        if (action.equals("AssumeRole") && assumeRoleLimit != null && !assumeRoleLimit.take()) {
            return true;
        }
        Integer every = throttleEvery.get(action);
        if (every == null) {
            return false;
        }
        int call = calls.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
        return every > 0 ? call % every == 0 : call % -every != 0;
    }

    /** A fixed window of one real second: what STS's per-account request rate looks like from outside. */
    private static final class RateLimit {
        private final int perSecond;
        private long window;
        private int used;

        RateLimit(int perSecond) {
            this.perSecond = perSecond;
        }

        synchronized boolean take() {
            long now = System.nanoTime() / 1_000_000_000L;
            if (now != window) {
                window = now;
                used = 0;
            }
            return ++used <= perSecond;
        }
    }

    private FakeIam.Reply listAccounts(String body) {
        int start = 0;
        int token = body.indexOf("\"NextToken\"");
        if (token >= 0) {
            String rest = body.substring(body.indexOf(':', token) + 1).trim();
            start = Integer.parseInt(rest.substring(1, rest.indexOf('"', 1)));
        }
        int end = Math.min(accounts.size(), start + pageSize);
        StringBuilder json = new StringBuilder("{\"Accounts\":[");
        for (int i = start; i < end; i++) {
            String id = accounts.get(i);
            json.append(i == start ? "" : ",").append("{\"Id\":\"").append(id)
                    .append("\",\"Arn\":\"arn:aws:organizations::").append(MANAGEMENT).append(":account/o-fixture/").append(id)
                    .append("\",\"Email\":\"a").append(id).append("@example.com\",\"Name\":\"")
                    .append(jsonText(names.getOrDefault(id, "account " + id)))
                    .append("\",\"Status\":\"").append(suspended.contains(id) ? "SUSPENDED" : "ACTIVE")
                    .append("\",\"JoinedMethod\":\"CREATED\",\"JoinedTimestamp\":1.7E9}");
        }
        json.append(']');
        if (end < accounts.size()) {
            json.append(",\"NextToken\":\"").append(end).append('"');
        }
        json.append('}');
        return FakeIam.raw(200, "application/x-amz-json-1.1", json.toString());
    }

    private FakeIam.Reply assumeRole(String roleArn) {
        String account = roleArn.split(":")[4];
        if (refused.contains(account) || !accounts.contains(account)) {
            return FakeIam.xml(403, "<ErrorResponse xmlns=\"" + STS + "\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                    + "<Message>User: arn:aws:iam::" + MANAGEMENT + ":user/auditor is not authorized to perform: sts:AssumeRole on "
                    + "resource: " + roleArn + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
        }
        return FakeIam.xml(200, "<AssumeRoleResponse xmlns=\"" + STS + "\"><AssumeRoleResult><Credentials>"
                + "<AccessKeyId>ASIA" + account + "</AccessKeyId><SecretAccessKey>fixture-secret-" + account + "</SecretAccessKey>"
                + "<SessionToken>fixture-token-" + account + "</SessionToken><Expiration>" + Instant.now().plusSeconds(3600)
                + "</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::" + account + ":assumed-role/r/credreport</Arn>"
                + "<AssumedRoleId>AROAFIXTURE:credreport</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>");
    }

    private FakeIam.Reply iam(FakeIam.Request request) {
        beforeIamAnswer.accept(request);
        String key = request.accessKey();
        String account = key.startsWith("ASIA") ? key.substring(4) : MANAGEMENT;
        FakeIam.Reply answer = iamReply(request.action(), account);
        Duration slowness = slow.get(account);
        FakeIam.Reply reply = slowness == null ? answer : FakeIam.stall(slowness, answer);
        Duration delay = latency;
        return (socket, out) -> {
            mostBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
            try {
                if (!delay.isZero()) {
                    // the benchmark's stand-in for IAM's own time
                    Thread.sleep(delay.toMillis());
                }
                awaitHold();
            } finally {
                busy.decrementAndGet();
            }
            reply.send(socket, out);
        };
    }

    private void awaitHold() throws InterruptedException {
        synchronized (hold) {
            if (holdUntil == 0 || held) {
                return;
            }
            if (busy.get() >= holdUntil) {
                held = true;
                hold.notifyAll();
                return;
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            long left;
            while (!held && (left = deadline - System.nanoTime()) > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(hold, left);
            }
            held = true;
        }
    }

    private FakeIam.Reply iamReply(String action, String account) {
        AtomicInteger throttles = throttled.get(account);
        if (throttles != null && throttles.getAndDecrement() > 0) {
            return FakeIam.error(400, "Throttling", "Rate exceeded");
        }
        if (action.equals("GenerateCredentialReport")) {
            return FakeIam.state(stuck.contains(account) ? "INPROGRESS" : "COMPLETE");
        }
        if (headerOnly.contains(account)) {
            return FakeIam.report((SampleReports.HEADER + "\n").getBytes(StandardCharsets.UTF_8), generated);
        }
        String report = report(account) + extraRows.getOrDefault(account, "") + (bad.contains(account) ? BAD_ROW + "\n" : "");
        return FakeIam.report(report.getBytes(StandardCharsets.UTF_8), generated);
    }

    /** Text as a JSON string's content, as AWS sends it: quotes, backslashes and control characters escaped. */
    private static String jsonText(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
