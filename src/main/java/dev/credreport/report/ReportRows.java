package dev.credreport.report;

import java.io.Closeable;
import java.util.Iterator;

/** A report's users in the order of its rows, after its header: read from the CSV, or kept from a first read. */
public interface ReportRows extends Iterator<UserCredentials>, Closeable {

    ReportHeader header();

    /** Releases the input; never fails once the rows were read. */
    @Override
    void close();
}
