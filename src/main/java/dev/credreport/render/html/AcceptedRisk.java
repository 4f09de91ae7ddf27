package dev.credreport.render.html;

/**
 * A finding an exceptions-file entry in force accepts, as the page lists it apart from the open
 * findings: it makes no row red (it counts for nothing until the entry lapses) nor green (it is
 * still there). Every text is already escaped for the page.
 *
 * @param user the user in words ("root user", "the whole account")
 * @param owner the user's owner from --owner-tag, or null without owner tags
 * @param severity the rule's severity label, had it counted
 * @param until the entry's expiry as the file wrote it
 * @param lapses when it lapses in words: "in 12 days", "today"
 * @param decidedBy the entry's owner (who accepted it), or null
 * @param ticket the entry's ticket, or null
 * @param entry where the entry is written: "exceptions.yaml line 4"
 */
public record AcceptedRisk(String user, String owner, String rule, String severity, String evidence, String until,
        String lapses, String reason, String decidedBy, String ticket, String entry) {

    public boolean hasOwner() {
        return owner != null;
    }
}
