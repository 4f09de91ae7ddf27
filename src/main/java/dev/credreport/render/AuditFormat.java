package dev.credreport.render;

/** The formats audit findings can be written in. */
public enum AuditFormat {
    TABLE(new FindingsTableRenderer()),
    JSON(new FindingsJsonRenderer()),
    CSV(new FindingsCsvRenderer()),
    SARIF(new SarifRenderer());

    private final FindingsRenderer renderer;

    AuditFormat(FindingsRenderer renderer) {
        this.renderer = renderer;
    }

    public FindingsRenderer renderer() {
        return renderer;
    }
}
