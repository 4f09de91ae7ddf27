/**
 * Output formats, one registry per kind of result (Formats): a format is one class and one line.
 * render.html is the page of {@code report}. May use store, diff, asff, audit, report, io and core.
 */
package dev.credreport.render;
