package dev.credreport.render.html;

/** One bar of a chart, with its place in the SVG worked out (the template only prints numbers and escaped text). */
public record Bar(String label, int value, String tone, int y, int width, int textY, int valueX) {
}
