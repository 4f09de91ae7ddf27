package dev.credreport.support;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.StatusType;

/** Sets up IAM users in moto through the SDK, as an administrator would. */
public final class MotoAccount implements AutoCloseable {
    private final IamClient iam;

    public MotoAccount(URI endpoint) {
        this(endpoint, StaticCredentialsProvider.create(
                AwsBasicCredentials.create(CommandHarness.TEST_ACCESS_KEY, CommandHarness.TEST_SECRET_KEY)));
    }

    /** An account reached with other credentials, such as a role assumed in a member account. */
    public MotoAccount(URI endpoint, AwsCredentialsProvider credentials) {
        iam = IamClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials)
                .build();
    }

    public IamClient iam() {
        return iam;
    }

    public MotoAccount user(String name) {
        iam.createUser(r -> r.userName(name));
        return this;
    }

    public MotoAccount password(String name) {
        iam.createLoginProfile(r -> r.userName(name).password("Fixture-Passw0rd!").passwordResetRequired(false));
        return this;
    }

    public MotoAccount mfa(String name) {
        String serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name + "-mfa"))
                .virtualMFADevice().serialNumber();
        iam.enableMFADevice(r -> r.userName(name).serialNumber(serial)
                .authenticationCode1("123456").authenticationCode2("654321"));
        return this;
    }

    /** Tags the user (iam:TagUser). */
    public MotoAccount tag(String name, String key, String value) {
        iam.tagUser(r -> r.userName(name).tags(t -> t.key(key).value(value)));
        return this;
    }

    public AccessKey accessKey(String name) {
        return iam.createAccessKey(r -> r.userName(name)).accessKey();
    }

    public void deactivate(String name, AccessKey key) {
        iam.updateAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
    }

    @Override
    public void close() {
        iam.close();
    }
}
