/**
 * The one loop over many accounts (AccountRun): which accounts, concurrency, progress, partial
 * failure, summary and exit code, with one AccountSink per command; and reaching the same accounts the
 * same way to act in them one call at a time (AccountConnections, for fix apply and undo). May use aws, render, store,
 * audit, report, io and core; not source, its sibling.
 */
package dev.credreport.multi;
