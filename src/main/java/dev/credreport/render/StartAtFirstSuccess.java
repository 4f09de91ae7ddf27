package dev.credreport.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds back a merged document over many accounts until its first successful account: the start
 * of the document (a CSV header, an opening bracket) and the failures listed before that account
 * are written then, in their order. A run in which every account failed writes nothing, since a
 * failed run prints nothing on standard output.
 */
final class StartAtFirstSuccess {
    /** A piece of the document to write. */
    @FunctionalInterface
    interface Step {
        void write() throws IOException;
    }

    private final Step start;
    private final List<Step> held = new ArrayList<>();
    private boolean started;

    StartAtFirstSuccess(Step start) {
        this.start = start;
    }

    /** Before a successful account is written: starts the document and writes what was held back. */
    void success() throws IOException {
        if (started) {
            return;
        }
        started = true;
        start.write();
        for (Step failure : held) {
            failure.write();
        }
        held.clear();
    }

    /** A failed account's part of the document: written now if the document has started, else held back. */
    void failure(Step part) throws IOException {
        if (started) {
            part.write();
        } else {
            held.add(part);
        }
    }

    /** Whether any account succeeded, so that the document exists and may be finished. */
    boolean started() {
        return started;
    }
}
