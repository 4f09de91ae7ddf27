/**
 * The auditor, findings, severities and the control table. Knows no concrete rule (audit.rules
 * plugs in). May use report, io, log and core.
 */
package dev.credreport.audit;
