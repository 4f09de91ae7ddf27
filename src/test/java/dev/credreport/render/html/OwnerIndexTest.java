package dev.credreport.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.audit.Owners;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The file names of report --split-by owner: safe owners keep their name, the others cannot leave the directory or collide. */
class OwnerIndexTest {
    @Test
    void safe_owners_keep_their_names_and_hostile_ones_get_a_hash() {
        List<String> owners = List.of("platform", "Platform", "../../etc/passwd", "a/b", "a-b", "index", "no-owner",
                "team\u001b[31mred", "x".repeat(300), "..", "", Owners.NO_OWNER);
        Map<String, String> names = OwnerIndex.fileNames(owners);

        assertEquals(owners.size(), names.size());
        assertEquals("platform.html", names.get("platform"));
        assertEquals("a-b.html", names.get("a-b"));
        assertEquals("no-owner.html", names.get(Owners.NO_OWNER));
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> name : names.entrySet()) {
            String file = name.getValue();
            assertTrue(file.matches("[A-Za-z0-9_-]{1,80}\\.html"), file);
            assertTrue(seen.add(file.toLowerCase(Locale.ROOT)), "two pages named " + file);
            assertTrue(!file.equals(OwnerIndex.INDEX), name::toString);
        }
        // Those that are not already safe, or would collide, carry 8 hex digits of their value's hash.
        for (String hashed : List.of("Platform", "../../etc/passwd", "a/b", "index", "no-owner", "team\u001b[31mred", "..", "")) {
            assertTrue(names.get(hashed).matches(".*-[0-9a-f]{8}\\.html"), hashed + " -> " + names.get(hashed));
        }
        assertTrue(names.get("../../etc/passwd").startsWith("etc-passwd-"), names::toString);
        assertTrue(names.get("a/b").startsWith("a-b-"), names::toString);
    }
}
