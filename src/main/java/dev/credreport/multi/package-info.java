/**
 * The one loop over many accounts (AccountRun): which accounts, concurrency, progress, partial
 * failure, summary and exit code, with one AccountSink per command. May use aws, render, store,
 * audit, report, io and core; not source, its sibling.
 */
package dev.credreport.multi;
