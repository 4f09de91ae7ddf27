/** Comparing two reports: the changes and their kinds. May use audit, report, io and core. */
package dev.credreport.diff;
