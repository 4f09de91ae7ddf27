/** The rules, one small class each, and the list of them (Rules). May use audit, report and core. */
package dev.credreport.audit.rules;
