package dev.credreport.render;

/** The output formats of SPEC.md. */
public enum OutputFormat {
    TABLE(new TableRenderer()),
    CSV(new RawCsvRenderer()),
    BLOCKS(new BlocksRenderer()),
    JSON(new JsonRenderer());

    private final ReportRenderer renderer;

    OutputFormat(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    public ReportRenderer renderer() {
        return renderer;
    }
}
