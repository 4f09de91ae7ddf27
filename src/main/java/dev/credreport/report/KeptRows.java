package dev.credreport.report;

import java.util.Iterator;
import java.util.List;

/** The users a validating read kept, given again without parsing the CSV a second time. */
final class KeptRows implements ReportRows {
    private final ReportHeader header;
    private final Iterator<UserCredentials> users;

    KeptRows(ReportHeader header, List<UserCredentials> users) {
        this.header = header;
        this.users = users.iterator();
    }

    @Override
    public ReportHeader header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        return users.hasNext();
    }

    @Override
    public UserCredentials next() {
        return users.next();
    }

    @Override
    public void close() {
        // nothing to release: the rows are in memory
    }
}
