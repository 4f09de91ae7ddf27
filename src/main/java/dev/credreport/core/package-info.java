/** What every layer shares: CredreportException, ExitCode, durations and build info. Uses nothing of credreport. */
package dev.credreport.core;
