package dev.credreport.render;

/** The formats audit findings can be written in. */
public enum AuditFormat {
    TABLE(new FindingsTableRenderer()),
    JSON(new FindingsJsonRenderer()),
    CSV(new FindingsCsvRenderer()),
    SARIF(new SarifRenderer()),
    /** AWS Security Finding Format: its renderer needs the Security Hub region, see {@link AsffRenderer}. */
    ASFF(null);

    private final FindingsRenderer renderer;

    AuditFormat(FindingsRenderer renderer) {
        this.renderer = renderer;
    }

    public FindingsRenderer renderer() {
        if (renderer == null) {
            throw new IllegalStateException(this + " is rendered by a renderer built for the run");
        }
        return renderer;
    }
}
