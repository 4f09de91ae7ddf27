package dev.credreport.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * An AWS Organization made in moto through the SDK: the test caller's account manages it, and
 * two member accounts ("prod", "dev") each hold one IAM user with a console password.
 *
 * @param management the management account's id
 * @param members each member account's id, in the order made, with credentials of the role the
 *     management account assumes in it
 */
public record MotoOrganization(String management, Map<String, AwsCredentialsProvider> members) {

    /** Makes the organization; each member's user is named {@code userPrefix} and the account id. */
    public static MotoOrganization create(URI endpoint, String userPrefix) {
        var caller = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(CommandHarness.TEST_ACCESS_KEY, CommandHarness.TEST_SECRET_KEY));
        Map<String, AwsCredentialsProvider> members = new LinkedHashMap<>();
        try (OrganizationsClient organizations = OrganizationsClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create()).credentialsProvider(caller).build();
                StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(caller).build()) {
            String management = organizations.createOrganization(r -> r.featureSet("ALL")).organization().masterAccountId();
            List<String> ids = new ArrayList<>();
            for (String name : List.of("prod", "dev")) {
                ids.add(organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
                        .createAccountStatus().accountId());
            }
            for (String member : ids) {
                Credentials role = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole")
                        .roleSessionName("setup")).credentials();
                AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken()));
                try (MotoAccount account = new MotoAccount(endpoint, credentials)) {
                    account.user(userPrefix + member).password(userPrefix + member);
                }
                members.put(member, credentials);
            }
            return new MotoOrganization(management, members);
        }
    }

    public List<String> memberIds() {
        return List.copyOf(members.keySet());
    }
}
