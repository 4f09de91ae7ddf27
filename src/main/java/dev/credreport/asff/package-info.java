/** Findings in the AWS Security Finding Format, for audit --format asff and the Security Hub sink. May use audit, report and core. */
package dev.credreport.asff;
