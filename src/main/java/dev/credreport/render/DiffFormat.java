package dev.credreport.render;

/** The formats a diff can be written in. */
public enum DiffFormat {
    TABLE(new DiffTableRenderer()),
    JSON(new DiffJsonRenderer()),
    CSV(new DiffCsvRenderer());

    private final DiffRenderer renderer;

    DiffFormat(DiffRenderer renderer) {
        this.renderer = renderer;
    }

    public DiffRenderer renderer() {
        return renderer;
    }
}
