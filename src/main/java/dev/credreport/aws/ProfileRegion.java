package dev.credreport.aws;

import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/** The region a profile names in ~/.aws/config, which tells the partition when nothing else does. */
public final class ProfileRegion {
    private ProfileRegion() {
    }

    /** @param profile the profile's name, or null for "default" */
    public static Optional<String> of(String profile) {
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
