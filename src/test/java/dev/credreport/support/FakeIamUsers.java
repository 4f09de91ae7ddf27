package dev.credreport.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake IAM with state, on a {@link FakeIam} loopback endpoint: users with access keys, signing certificates,
 * tags and console passwords, answering the calls of {@code fix plan}, {@code apply} and {@code undo}
 * (ListAccessKeys, GetAccessKeyLastUsed, ListUserTags, GetUser, GetLoginProfile, UpdateAccessKey, TagUser, UntagUser,
 * DeleteAccessKey, DeleteLoginProfile, ListSigningCertificates, UpdateSigningCertificate), and STS GetCallerIdentity. It can throttle
 * calls and answer slowly, and it logs every change it made, so a test sees each action happened once.
 * moto lacks nothing here but throttling and slowness; it is the fake for those.
 */
public final class FakeIamUsers implements AutoCloseable {
    private static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String ACCOUNT = "123456789012";

    /** One key or certificate. */
    public static final class Credential {
        final String id;
        volatile boolean active;
        final Instant created;
        volatile Instant lastUsed;

        Credential(String id, boolean active, Instant created, Instant lastUsed) {
            this.id = id;
            this.active = active;
            this.created = created;
            this.lastUsed = lastUsed;
        }

        public boolean active() {
            return active;
        }
    }

    private static final class User {
        final Map<String, Credential> keys = new LinkedHashMap<>();
        final Map<String, Credential> certificates = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        volatile boolean password;
        volatile Instant passwordLastUsed;
        volatile Instant passwordCreated = Instant.parse("2024-01-01T00:00:00Z");
    }

    private final FakeIam server = FakeIam.start();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();
    private final Map<String, Duration> slow = new ConcurrentHashMap<>();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttled = new AtomicInteger();

    private volatile String callerAccount = ACCOUNT;

    /** The account GetCallerIdentity says the caller's credentials are of; {@link #ACCOUNT} unless set. */
    public FakeIamUsers callerAccount(String account) {
        this.callerAccount = account;
        return this;
    }

    public FakeIamUsers() {
        server.route(this::answer);
    }

    public FakeIam server() {
        return server;
    }

    public String endpoint() {
        return server.endpoint().toString();
    }

    /** A harness whose STS is this fake too (fix apply asks STS whose credentials it has). */
    public CommandHarness harness() {
        return new CommandHarness().variable("AWS_ENDPOINT_URL_STS", endpoint());
    }

    /** Runs credreport with {@code --endpoint-url} this fake, in {@link #harness()}. */
    public CommandHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", endpoint()));
        return harness().run(all.toArray(String[]::new));
    }

    public synchronized FakeIamUsers key(String user, String id, boolean active, Instant created, Instant lastUsed) {
        users.computeIfAbsent(user, name -> new User()).keys.put(id, new Credential(id, active, created, lastUsed));
        return this;
    }

    public synchronized FakeIamUsers certificate(String user, String id, boolean active, Instant uploaded) {
        users.computeIfAbsent(user, name -> new User()).certificates.put(id, new Credential(id, active, uploaded, null));
        return this;
    }

    public synchronized FakeIamUsers tag(String user, String key, String value) {
        users.computeIfAbsent(user, name -> new User()).tags.put(key, value);
        return this;
    }

    public synchronized FakeIamUsers password(String user, Instant lastUsed) {
        User found = users.computeIfAbsent(user, name -> new User());
        found.password = true;
        found.passwordLastUsed = lastUsed;
        return this;
    }

    /** The console password was set at {@code created} (GetLoginProfile's CreateDate). */
    public synchronized FakeIamUsers passwordCreated(String user, Instant created) {
        users.get(user).passwordCreated = created;
        return this;
    }

    /** The user's console password is deleted, by hand (not a change credreport made). */
    public synchronized FakeIamUsers removePassword(String user) {
        users.get(user).password = false;
        return this;
    }

    /** The user is deleted, by hand: every call naming it is answered NoSuchEntity. */
    public synchronized FakeIamUsers removeUser(String user) {
        users.remove(user);
        return this;
    }

    /** The next {@code times} calls of each of these actions are answered Throttling (as IAM does: HTTP 400). */
    public FakeIamUsers throttle(int times, String... actions) {
        for (String action : actions) {
            throttles.put(action, new AtomicInteger(times));
        }
        return this;
    }

    /** Each call of the action is answered only after {@code delay}, in real time (for tests of a real process). */
    public FakeIamUsers slow(String action, Duration delay) {
        slow.put(action, delay);
        return this;
    }

    /** How many calls were answered Throttling. */
    public int throttled() {
        return throttled.get();
    }

    /** Every change made, in order: "UpdateAccessKey AKIA... Inactive", "TagUser alice credreport-...". */
    public List<String> changes() {
        return Collections.unmodifiableList(changes);
    }

    public boolean keyActive(String user, String id) {
        return users.get(user).keys.get(id).active;
    }

    public boolean certificateActive(String user, String id) {
        return users.get(user).certificates.get(id).active;
    }

    public Map<String, String> tags(String user) {
        return Map.copyOf(users.get(user).tags);
    }

    @Override
    public void close() {
        server.close();
    }

    private FakeIam.Reply answer(FakeIam.Request request) {
        String action = request.action();
        Duration delay = slow.get(action);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        AtomicInteger throttle = throttles.get(action);
        if (throttle != null && throttle.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throttled.incrementAndGet();
            return FakeIam.error(400, "Throttling", "Rate exceeded");
        }
        Map<String, String> form = request.form();
        if (action.equals("GetCallerIdentity")) {
            // STS, for fix apply's check that the credentials are of the plan's account (AWS_ENDPOINT_URL_STS).
            return FakeIam.xml(200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<GetCallerIdentityResult><Arn>arn:aws:iam::" + callerAccount + ":user/fixer</Arn><UserId>AIDAFIXER"
                    + "</UserId><Account>" + callerAccount + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>"
                    + "req-fake</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
        }
        synchronized (this) {
            User user = users.get(form.getOrDefault("UserName", ""));
            if (user == null && !action.equals("GetAccessKeyLastUsed")) {
                return FakeIam.error(404, "NoSuchEntity", "The user with name " + form.get("UserName") + " cannot be found.");
            }
            switch (action) {
                case "ListAccessKeys" -> {
                    StringBuilder members = new StringBuilder();
                    for (Credential key : user.keys.values()) {
                        members.append("<member><UserName>").append(form.get("UserName")).append("</UserName><AccessKeyId>")
                                .append(key.id).append("</AccessKeyId><Status>").append(key.active ? "Active" : "Inactive")
                                .append("</Status><CreateDate>").append(key.created).append("</CreateDate></member>");
                    }
                    return result(action, "<UserName>" + form.get("UserName") + "</UserName><AccessKeyMetadata>" + members
                            + "</AccessKeyMetadata><IsTruncated>false</IsTruncated>");
                }
                case "GetAccessKeyLastUsed" -> {
                    Credential key = users.values().stream().map(each -> each.keys.get(form.get("AccessKeyId")))
                            .filter(found -> found != null).findFirst().orElse(null);
                    if (key == null) {
                        return FakeIam.error(404, "NoSuchEntity", "The Access Key with id " + form.get("AccessKeyId")
                                + " cannot be found");
                    }
                    return result(action, "<AccessKeyLastUsed>" + (key.lastUsed == null
                            ? "<ServiceName>N/A</ServiceName><Region>N/A</Region>"
                            : "<LastUsedDate>" + key.lastUsed + "</LastUsedDate><ServiceName>s3</ServiceName>"
                                    + "<Region>us-east-1</Region>") + "</AccessKeyLastUsed>");
                }
                case "ListUserTags" -> {
                    StringBuilder members = new StringBuilder();
                    user.tags.forEach((key, value) -> members.append("<member><Key>").append(key).append("</Key><Value>")
                            .append(value).append("</Value></member>"));
                    return result(action, "<Tags>" + members + "</Tags><IsTruncated>false</IsTruncated>");
                }
                case "GetLoginProfile" -> {
                    if (!user.password) {
                        return FakeIam.error(404, "NoSuchEntity", "Login Profile for User " + form.get("UserName")
                                + " cannot be found.");
                    }
                    return result(action, "<LoginProfile><UserName>" + form.get("UserName") + "</UserName><CreateDate>"
                            + user.passwordCreated + "</CreateDate><PasswordResetRequired>false</PasswordResetRequired>"
                            + "</LoginProfile>");
                }
                case "GetUser" -> {
                    return result(action, "<User><Path>/</Path><UserName>" + form.get("UserName") + "</UserName><UserId>AIDAFAKE"
                            + "</UserId><Arn>arn:aws:iam::" + ACCOUNT + ":user/" + form.get("UserName") + "</Arn><CreateDate>"
                            + "2024-01-01T00:00:00Z</CreateDate>" + (user.passwordLastUsed == null ? ""
                                    : "<PasswordLastUsed>" + user.passwordLastUsed + "</PasswordLastUsed>") + "</User>");
                }
                case "ListSigningCertificates" -> {
                    StringBuilder members = new StringBuilder();
                    for (Credential certificate : user.certificates.values()) {
                        members.append("<member><UserName>").append(form.get("UserName")).append("</UserName><CertificateId>")
                                .append(certificate.id).append("</CertificateId><CertificateBody>-----BEGIN CERTIFICATE-----"
                                        + "</CertificateBody><Status>").append(certificate.active ? "Active" : "Inactive")
                                .append("</Status><UploadDate>").append(certificate.created).append("</UploadDate></member>");
                    }
                    return result(action, "<Certificates>" + members + "</Certificates><IsTruncated>false</IsTruncated>");
                }
                case "UpdateAccessKey", "UpdateSigningCertificate" -> {
                    boolean key = action.equals("UpdateAccessKey");
                    String id = form.get(key ? "AccessKeyId" : "CertificateId");
                    Credential credential = (key ? user.keys : user.certificates).get(id);
                    if (credential == null) {
                        return FakeIam.error(404, "NoSuchEntity", "no such credential " + id);
                    }
                    credential.active = "Active".equals(form.get("Status"));
                    changes.add(action + " " + id + " " + form.get("Status"));
                    return done(action);
                }
                case "TagUser" -> {
                    for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
                        user.tags.put(form.get("Tags.member." + i + ".Key"), form.get("Tags.member." + i + ".Value"));
                        changes.add(action + " " + form.get("UserName") + " " + form.get("Tags.member." + i + ".Key"));
                    }
                    return done(action);
                }
                case "UntagUser" -> {
                    for (int i = 1; form.containsKey("TagKeys.member." + i); i++) {
                        user.tags.remove(form.get("TagKeys.member." + i));
                        changes.add(action + " " + form.get("UserName") + " " + form.get("TagKeys.member." + i));
                    }
                    return done(action);
                }
                case "DeleteAccessKey" -> {
                    user.keys.remove(form.get("AccessKeyId"));
                    changes.add(action + " " + form.get("AccessKeyId"));
                    return done(action);
                }
                case "DeleteLoginProfile" -> {
                    if (!user.password) {
                        return FakeIam.error(404, "NoSuchEntity", "no login profile");
                    }
                    user.password = false;
                    changes.add(action + " " + form.get("UserName"));
                    return done(action);
                }
                default -> {
                    return FakeIam.error(400, "InvalidAction", "FakeIamUsers does not answer " + action);
                }
            }
        }
    }

    private static FakeIam.Reply result(String action, String body) {
        return FakeIam.xml(200, "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + body + "</" + action
                + "Result><ResponseMetadata><RequestId>req-fake</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static FakeIam.Reply done(String action) {
        return FakeIam.xml(200, "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><ResponseMetadata><RequestId>req-fake"
                + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    /** The changes of one kind, for counting. */
    public List<String> changes(String action) {
        List<String> some = new ArrayList<>();
        for (String change : changes) {
            if (change.startsWith(action + " ")) {
                some.add(change);
            }
        }
        return some;
    }
}
