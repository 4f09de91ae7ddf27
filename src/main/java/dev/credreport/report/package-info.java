/**
 * A credential report: the streaming parser (bytes in, typed records out), its values and their
 * absences, and escaping of the untrusted text it holds. May use io, log and core.
 */
package dev.credreport.report;
