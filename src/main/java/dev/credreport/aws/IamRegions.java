package dev.credreport.aws;

import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * IAM is global per partition: a configured region only tells which partition, and requests are
 * signed for that partition's global region.
 */
public final class IamRegions {
    private static final Map<String, Region> GLOBAL_BY_PARTITION = Map.of(
            "aws", Region.AWS_GLOBAL,
            "aws-cn", Region.AWS_CN_GLOBAL,
            "aws-us-gov", Region.AWS_US_GOV_GLOBAL,
            "aws-iso", Region.AWS_ISO_GLOBAL,
            "aws-iso-b", Region.AWS_ISO_B_GLOBAL,
            "aws-iso-e", Region.AWS_ISO_E_GLOBAL,
            "aws-iso-f", Region.AWS_ISO_F_GLOBAL);

    /** The region requests to an overridden endpoint are signed for, as IAM's own endpoints are. */
    private static final Map<Region, Region> SIGNING = Map.of(
            Region.AWS_GLOBAL, Region.US_EAST_1,
            Region.AWS_CN_GLOBAL, Region.CN_NORTH_1,
            Region.AWS_US_GOV_GLOBAL, Region.US_GOV_WEST_1,
            Region.AWS_ISO_GLOBAL, Region.US_ISO_EAST_1,
            Region.AWS_ISO_B_GLOBAL, Region.US_ISOB_EAST_1,
            Region.AWS_ISO_E_GLOBAL, Region.EU_ISOE_WEST_1,
            Region.AWS_ISO_F_GLOBAL, Region.US_ISOF_SOUTH_1);

    private static final Map<Region, String> ENDPOINTS = Map.of(
            Region.AWS_GLOBAL, "https://iam.amazonaws.com",
            Region.AWS_CN_GLOBAL, "https://iam.cn-north-1.amazonaws.com.cn",
            Region.AWS_US_GOV_GLOBAL, "https://iam.us-gov.amazonaws.com",
            Region.AWS_ISO_GLOBAL, "https://iam.us-iso-east-1.c2s.ic.gov",
            Region.AWS_ISO_B_GLOBAL, "https://iam.us-isob-east-1.sc2s.sgov.gov");

    private IamRegions() {
    }

    /**
     * The global IAM region for a configured region, or aws-global when none is configured.
     *
     * @throws IllegalArgumentException when the text cannot be a region name
     */
    public static Region globalRegionFor(String configured) {
        if (configured == null || configured.isBlank()) {
            return Region.AWS_GLOBAL;
        }
        String name = configured.trim();
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("'" + configured + "' is not a region name (e.g. us-east-1)");
        }
        // A partition without a global IAM region of its own here signs as aws does.
        return GLOBAL_BY_PARTITION.getOrDefault(Partitions.of(name), Region.AWS_GLOBAL);
    }

    /** The region to sign for when requests go to an endpoint override rather than IAM's own. */
    public static Region signingRegionOf(Region globalRegion) {
        return SIGNING.getOrDefault(globalRegion, Region.US_EAST_1);
    }

    static String defaultEndpoint(Region globalRegion) {
        return ENDPOINTS.getOrDefault(globalRegion, "the IAM endpoint of " + globalRegion.id());
    }
}
