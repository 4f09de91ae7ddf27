package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

class IamRegionsTest {
    @ParameterizedTest
    @CsvSource({
        "us-east-1, aws-global",
        "eu-west-1, aws-global",
        "ap-southeast-7, aws-global",
        "cn-north-1, aws-cn-global",
        "cn-northwest-1, aws-cn-global",
        "us-gov-west-1, aws-us-gov-global",
        "us-gov-east-1, aws-us-gov-global",
        "aws-global, aws-global",
        "aws-cn-global, aws-cn-global",
        "cn-south-9, aws-cn-global",
        "us-gov-central-9, aws-us-gov-global",
        "xx-future-1, aws-global",
    })
    void should_map_a_region_to_its_partitions_global_iam_region(String configured, String global) {
        assertEquals(Region.of(global), IamRegions.globalRegionFor(configured));
    }

    @Test
    void should_default_to_the_aws_partition() {
        assertEquals(Region.AWS_GLOBAL, IamRegions.globalRegionFor(null));
        assertEquals(Region.AWS_GLOBAL, IamRegions.globalRegionFor(" "));
    }

    @Test
    void should_refuse_text_that_cannot_be_a_region() {
        assertThrows(IllegalArgumentException.class, () -> IamRegions.globalRegionFor("eu west 1"));
        assertThrows(IllegalArgumentException.class, () -> IamRegions.globalRegionFor("https://iam.amazonaws.com"));
    }

    @Test
    void should_sign_overridden_endpoints_for_the_partitions_iam_region() {
        assertEquals(Region.US_EAST_1, IamRegions.signingRegionOf(Region.AWS_GLOBAL));
        assertEquals(Region.CN_NORTH_1, IamRegions.signingRegionOf(Region.AWS_CN_GLOBAL));
        assertEquals(Region.US_GOV_WEST_1, IamRegions.signingRegionOf(Region.AWS_US_GOV_GLOBAL));
    }
}
