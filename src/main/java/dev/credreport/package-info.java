/**
 * credreport: {@code Main} alone, the process entry point; it may use {@code cli} (and through it everything).
 */
package dev.credreport;
