package dev.credreport.aws;

import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * Which partition a region is in (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, ...):
 * the one place that tells, for IAM's global region, role ARNs and Security Hub's product ARN.
 */
public final class Partitions {
    private Partitions() {
    }

    /**
     * The partition of a region name, a global one ({@code aws-cn-global}) included. A region the
     * SDK knows carries its partition; one newer than the SDK is matched against each partition's
     * region pattern, as the SDK's own endpoint rules do, so {@code cn-south-9} is still aws-cn.
     */
    public static String of(String region) {
        Region parsed = Region.of(region.trim());
        RegionMetadata metadata = parsed.metadata();
        if (metadata != null) {
            return metadata.partition().id();
        }
        PartitionMetadata matched = PartitionMetadata.of(parsed);
        return matched == null ? "aws" : matched.id();
    }
}
