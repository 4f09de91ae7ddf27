package dev.credreport.audit;

import java.io.IOException;

/** The findings of an audit, worst first and in report order within a severity, produced as they are read. */
@FunctionalInterface
public interface Findings {
    /** Receives one finding; may write it out. */
    @FunctionalInterface
    interface Consumer {
        void accept(Finding finding) throws IOException;
    }

    void forEach(Consumer consumer) throws IOException;
}
