package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * ~/.aws/config and ~/.aws/credentials, read once per run: whether they can be read at all,
 * whether a profile exists, its region and the keys that tell how it gets credentials. The same
 * parsed files are handed to every SDK client and credentials provider of the run
 * ({@link #file()}), so nothing reads them again.
 */
public final class Profiles {
    static final String SSO_SESSION = "sso_session";
    private static final Pattern ON_LINE = Pattern.compile("(.*?)\\s+on line (\\d+)\\.?$");

    private final ProfileFile merged;

    private Profiles(ProfileFile merged) {
        this.merged = merged;
    }

    /**
     * Reads and parses both files once, as the SDK would, and names the file and line of the first
     * thing it cannot read: a broken file is the user's to fix, never a bug of ours.
     */
    public static Profiles load() {
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        // The credentials file after the config file: its keys win, as in the SDK's own default.
        read(ProfileFileLocation.configurationFilePath(), ProfileFile.Type.CONFIGURATION, "AWS_CONFIG_FILE").ifPresent(files::addFile);
        read(ProfileFileLocation.credentialsFilePath(), ProfileFile.Type.CREDENTIALS, "AWS_SHARED_CREDENTIALS_FILE")
                .ifPresent(files::addFile);
        return new Profiles(files.build());
    }

    /** Both files as the SDK reads them, for its clients and providers. */
    ProfileFile file() {
        return merged;
    }

    private static Optional<ProfileFile> read(Path file, ProfileFile.Type type, String variable) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            ProfileFile parsed = ProfileFile.builder().content(file).type(type).build();
            parsed.profiles();
            return Optional.of(parsed);
        } catch (RuntimeException e) {
            String problem = ErrorClassifier.safe(CredreportException.firstLine(e.getMessage()));
            Matcher line = ON_LINE.matcher(problem);
            String where = line.matches() ? file + ", line " + line.group(2) : file.toString();
            String what = line.matches() ? line.group(1) : problem;
            throw CredreportException.usage("cannot read the AWS " + (type == ProfileFile.Type.CONFIGURATION ? "config" : "credentials")
                    + " file " + where + ": " + lowerFirst(what) + "; fix the file, or point " + variable + " at another one");
        }
    }

    /** Refuses a profile that neither file defines, as the AWS CLI does ("could not be found"). */
    public void requireExists(String profile, String namedBy) {
        if (!exists(profile)) {
            throw CredreportException.usage("the config profile '" + ErrorClassifier.safe(profile) + "' (" + namedBy
                    + ") could not be found in " + locations() + "; 'aws configure list-profiles' lists the profiles there");
        }
    }

    /** Whether the config or credentials file defines this profile. */
    public boolean exists(String profile) {
        return profile(profile).isPresent();
    }

    /** The profile of both files merged, as the SDK sees it; empty when absent or unreadable. */
    Optional<Profile> profile(String profile) {
        return merged.profile(profile);
    }

    /** @param profile the profile's name, or null for "default" */
    public Optional<String> region(String profile) {
        return profile(profile == null ? "default" : profile).flatMap(p -> p.property(ProfileProperty.REGION));
    }

    /** One property of a profile, if the profile exists and sets it to something. */
    public Optional<String> property(String profile, String property) {
        return profile(profile).flatMap(p -> p.property(property)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Where the files are, for messages. */
    static String locations() {
        return ProfileFileLocation.configurationFilePath() + " or " + ProfileFileLocation.credentialsFilePath();
    }

    /** Whether a profile says how to get credentials (and so must not be passed over when that fails). */
    boolean hasCredentialSettings(String profile) {
        Optional<Profile> found = profile(profile);
        if (found.isEmpty()) {
            return false;
        }
        for (String key : new String[] {ProfileProperty.AWS_ACCESS_KEY_ID, ProfileProperty.AWS_SECRET_ACCESS_KEY,
                ProfileProperty.ROLE_ARN, ProfileProperty.SSO_START_URL, SSO_SESSION, ProfileProperty.CREDENTIAL_PROCESS,
                ProfileProperty.WEB_IDENTITY_TOKEN_FILE, ProfileProperty.LOGIN_SESSION}) {
            if (found.get().property(key).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
