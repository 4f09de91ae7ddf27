package dev.credreport.aws;

import dev.credreport.log.DebugLog;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The credentials of whoever runs credreport, looked up in the AWS CLI's order: with --profile
 * that profile alone; else the environment, web identity, the profile (AWS_PROFILE or
 * "default"), container and instance credentials.
 *
 * <p>The SDK's own chain does the same but, when a profile fails, keeps only its message and goes
 * on to the container and instance endpoints; the AWS CLI stops there and says why. So does this:
 * a profile that says how to get credentials (keys, role, SSO, credential_process) and fails
 * throws {@link ProfileFailure}, with the real cause kept for the message.
 */
final class CallerCredentials implements AwsCredentialsProvider {
    /** A profile that should have given credentials and did not. */
    static final class ProfileFailure extends RuntimeException {
        private final String profile;

        ProfileFailure(String profile, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.profile = profile;
        }

        String profile() {
            return profile;
        }
    }

    private final String profile;
    private final Profiles profiles;
    private final boolean profileOnly;
    private final List<AwsCredentialsProvider> before;
    private final AwsCredentialsProvider fromProfile;
    private final List<AwsCredentialsProvider> after;
    private volatile AwsCredentialsProvider chosen;

    CallerCredentials(AwsSettings settings) {
        this.profile = settings.profile() != null ? settings.profile() : "default";
        this.profileOnly = settings.profileFromOption();
        this.profiles = settings.profiles();
        // A credential_process command line may carry secrets in its arguments (a token, a password):
        // --debug masks them wherever the SDK or a message would show them.
        profiles.property(profile, ProfileProperty.CREDENTIAL_PROCESS).ifPresent(command -> {
            DebugLog.addSecret(command);
            String[] words = command.trim().split("\\s+");
            for (int i = 1; i < words.length; i++) {
                DebugLog.addSecret(words[i]);
            }
        });
        this.fromProfile = ProfileCredentialsProvider.builder().profileFile(profiles.file()).profileName(profile).build();
        this.before = profileOnly ? List.of() : List.of(SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create(), WebIdentityTokenFileCredentialsProvider.create());
        this.after = profileOnly ? List.of() : List.of(ContainerCredentialsProvider.create(),
                InstanceProfileCredentialsProvider.builder().profileFile(profiles.file()).profileName(profile).build());
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider known = chosen;
        if (known != null) {
            return known.resolveCredentials();
        }
        synchronized (this) {
            if (chosen != null) {
                return chosen.resolveCredentials();
            }
            StringBuilder tried = new StringBuilder();
            for (AwsCredentialsProvider provider : before) {
                AwsCredentials credentials = attempt(provider, tried);
                if (credentials != null) {
                    return credentials;
                }
            }
            if (profileOnly || profiles.hasCredentialSettings(profile)) {
                try {
                    AwsCredentials credentials = fromProfile.resolveCredentials();
                    chosen = fromProfile;
                    return credentials;
                } catch (RuntimeException e) {
                    throw new ProfileFailure(profile, e);
                }
            }
            for (AwsCredentialsProvider provider : after) {
                AwsCredentials credentials = attempt(provider, tried);
                if (credentials != null) {
                    return credentials;
                }
            }
            throw SdkClientException.create("Unable to load credentials from any of the providers:" + tried);
        }
    }

    private AwsCredentials attempt(AwsCredentialsProvider provider, StringBuilder tried) {
        try {
            AwsCredentials credentials = provider.resolveCredentials();
            chosen = provider;
            return credentials;
        } catch (RuntimeException e) {
            tried.append("\n  ").append(provider.getClass().getSimpleName()).append(": ").append(e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "CallerCredentials(profile=" + profile + (profileOnly ? ", only" : "") + ")";
    }
}
