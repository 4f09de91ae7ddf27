package dev.credreport.audit;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * Who owns each user of one account: the value of its --owner-tag IAM tag, read by the aws layer and
 * handed up as a plain map. A user without the tag, the root user, and a finding about the whole
 * account have {@link #NO_OWNER}.
 *
 * @param tag the tag key (--owner-tag), for headings and metadata
 * @param byUser each tagged user's name and the tag's value
 */
public record Owners(String tag, Map<String, String> byUser) {
    /** The owner of a user without the tag. */
    public static final String NO_OWNER = "no owner";

    /** Owners by name, {@link #NO_OWNER} last, so that a grouping ends with what nobody owns. */
    public static final Comparator<String> ORDER = Comparator.comparing((String owner) -> owner.equals(NO_OWNER))
            .thenComparing(Comparator.naturalOrder());

    public Owners {
        Objects.requireNonNull(tag, "tag");
        byUser = Map.copyOf(byUser);
    }

    /** The user's owner, or {@link #NO_OWNER}; a blank tag value counts as none. */
    public String of(String user) {
        String owner = byUser.get(user);
        return owner == null || owner.isBlank() ? NO_OWNER : owner;
    }
}
