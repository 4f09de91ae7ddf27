/**
 * Saved reports: one archive layout (names, S3 partitions, the Athena table) and one
 * save-without-overwriting algorithm behind a store interface that a directory and S3 implement.
 * May use diff, asff, audit, report, io and core; never the AWS SDK (aws implements S3).
 */
package dev.credreport.store;
