package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Regions this version knows, and the closest one to a typo (issue 22, point 2). */
class RegionsTest {
    @Test
    void should_name_the_closest_real_region_for_a_typo() {
        assertEquals(Optional.of("eu-wset-1: no such region; did you mean eu-west-1?"), Regions.unknown("eu-wset-1"));
        assertEquals("us-east-1", Regions.closest("us-esat-1"));
        assertEquals("ap-southeast-2", Regions.closest("ap-southeast2"));
    }

    @Test
    void should_know_the_regions_of_every_partition() {
        for (String region : new String[] {"eu-west-1", "us-east-1", "cn-north-1", "us-gov-west-1", "ap-southeast-2"}) {
            assertTrue(Regions.known(region), region);
            assertEquals(Optional.empty(), Regions.unknown(region), region);
        }
        assertFalse(Regions.known("eu-wset-1"));
        assertFalse(Regions.known("aws-global"), "a pseudo region is no region to suggest");
    }

    @Test
    void should_find_an_unknown_region_in_a_host_name() {
        assertEquals(Optional.of("eu-wset-1: no such region; did you mean eu-west-1?"),
                Regions.unknownIn("securityhub.eu-wset-1.amazonaws.com"));
        assertEquals(Optional.empty(), Regions.unknownIn("securityhub.eu-west-1.amazonaws.com"));
        assertEquals(Optional.empty(), Regions.unknownIn("iam.amazonaws.com"));
    }

    @Test
    void should_count_the_letters_changed() {
        assertEquals(0, Regions.distance("eu-west-1", "eu-west-1"));
        assertEquals(2, Regions.distance("eu-wset-1", "eu-west-1"));
        assertEquals(1, Regions.distance("eu-west-1", "eu-west-2"));
    }
}
