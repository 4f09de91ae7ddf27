package dev.credreport.aws;

import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/** What credreport reads of ~/.aws/config itself: whether a profile exists, and its region. */
public final class Profiles {
    private Profiles() {
    }

    /** Whether the config or credentials file defines this profile. */
    public static boolean exists(String profile) {
        try {
            return ProfileFile.defaultProfileFile().profile(profile).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** @param profile the profile's name, or null for "default" */
    public static Optional<String> region(String profile) {
        try {
            return ProfileFile.defaultProfileFile()
                    .profile(profile == null ? "default" : profile)
                    .flatMap(p -> p.property(ProfileProperty.REGION));
        } catch (RuntimeException e) {
            // A broken config file is reported when credentials are read from it; the region just stays unknown.
            return Optional.empty();
        }
    }
}
