package dev.credreport.aws;

import dev.credreport.audit.Owners;
import dev.credreport.core.CredreportException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Each user's owner from one of its IAM tags (--owner-tag), with iam:ListUserTags: every page of
 * every user's tags, at most {@code concurrency} users at a time, each page through the run's
 * {@link RunThrottle} (retried while throttled, within its patience) and every other failure
 * classified by {@link ErrorClassifier}: a denied call fails the run (or, over many accounts, the
 * account) with a line naming iam:ListUserTags. A user deleted since the report was made
 * (NoSuchEntity) has no owner. Tag keys match as IAM stores them: case-sensitively.
 */
public final class OwnerTags {
    /** How many users' tags are asked for at a time by default. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private final IamConnection connection;
    private final RunThrottle throttle;
    private final int concurrency;

    private OwnerTags(IamConnection connection, RunThrottle throttle, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.connection = connection;
        this.throttle = throttle;
        this.concurrency = concurrency;
    }

    /** With the caller's credentials, throttled by a run throttle of its own (the run's patience, the settings' sleeper). */
    public static Owners read(AwsSettings settings, Clock clock, String tag, Collection<String> users, int concurrency) {
        try (IamConnection connection = IamConnection.open(settings)) {
            RunThrottle throttle = new RunThrottle(RunThrottle.DEFAULT_PATIENCE, clock, settings.sleeper());
            return new OwnerTags(connection, throttle, concurrency).read(tag, users);
        }
    }

    /** In one account of a run over many, with its role's credentials, the run's HTTP client and the run's throttle. */
    public static Owners read(AwsSettings settings, AccountAccess access, String account, String tag,
            Collection<String> users, int concurrency) {
        try (IamConnection connection = access.iamIn(account)) {
            return new OwnerTags(connection, access.throttle(), concurrency).read(tag, users);
        }
    }

    Owners read(String tag, Collection<String> users) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(users));
        Map<String, String> owners = new ConcurrentHashMap<>();
        if (names.isEmpty()) {
            return new Owners(tag, owners);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, names.size()), runnable -> {
            Thread thread = new Thread(runnable, "credreport-owner-tags");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (String user : names) {
                pending.add(pool.submit(() -> {
                    String owner = ownerOf(user, tag);
                    if (owner != null) {
                        owners.put(user, owner);
                    }
                }));
            }
            for (Future<?> future : pending) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CredreportException.awsFailed("interrupted while reading the users' tags (iam:ListUserTags)", e);
        } finally {
            pool.shutdownNow();
        }
        return new Owners(tag, owners);
    }

    /** The user's value of the tag, or null: every page is read, as a user may have up to 50 tags. */
    private String ownerOf(String user, String tag) {
        AwsCall call = AwsCall.iam(IamAction.LIST_USER_TAGS, connection.settings());
        String marker = null;
        try {
            do {
                ListUserTagsRequest.Builder request = ListUserTagsRequest.builder().userName(user);
                if (marker != null) {
                    request.marker(marker);
                }
                ListUserTagsResponse page = throttle.call(call, connection.settings().iamRegion().id(),
                        () -> connection.client().listUserTags(request.build()));
                for (Tag found : page.tags()) {
                    if (found.key().equals(tag)) {
                        return found.value();
                    }
                }
                marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
            } while (marker != null);
            return null;
        } catch (NoSuchEntityException e) {
            // Deleted since the report was made: nobody owns it any more.
            return null;
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, call);
        }
    }
}
