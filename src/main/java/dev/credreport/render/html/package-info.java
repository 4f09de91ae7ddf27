/**
 * The self-contained HTML page of {@code report}: it renders what the command gives it (reports,
 * their audits, their history) and runs nothing itself. May use what render may.
 */
package dev.credreport.render.html;
