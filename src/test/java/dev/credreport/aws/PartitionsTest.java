package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

class PartitionsTest {
    @ParameterizedTest
    @CsvSource({
        "us-east-1, aws",
        "eu-west-1, aws",
        "xx-future-1, aws",
        "cn-north-1, aws-cn",
        "cn-south-9, aws-cn",
        "us-gov-west-1, aws-us-gov",
        "us-gov-central-9, aws-us-gov",
        "us-iso-east-1, aws-iso",
        "us-iso-north-9, aws-iso",
        "us-isob-east-1, aws-iso-b",
        "eu-isoe-west-1, aws-iso-e",
        "eu-isoe-north-9, aws-iso-e",
        "us-isof-south-1, aws-iso-f",
        "aws-global, aws",
        "aws-cn-global, aws-cn",
        "aws-us-gov-global, aws-us-gov",
        "aws-iso-global, aws-iso",
        "aws-iso-e-global, aws-iso-e",
    })
    void should_tell_the_partition_of_a_region_known_or_newer_than_the_sdk(String region, String partition) {
        assertEquals(partition, Partitions.of(region));
    }

    @ParameterizedTest
    @CsvSource({
        "eu-isoe-west-1, aws-iso-e-global, eu-isoe-west-1",
        "us-iso-east-1, aws-iso-global, us-iso-east-1",
        "us-isof-south-1, aws-iso-f-global, us-isof-south-1",
    })
    void should_sign_iam_requests_of_the_isolated_partitions_in_their_own_region(String configured, String global, String signing) {
        assertEquals(Region.of(global), IamRegions.globalRegionFor(configured));
        assertEquals(Region.of(signing), IamRegions.signingRegionOf(Region.of(global)));
    }
}
