package dev.credreport.render.html;

import java.util.ArrayList;
import java.util.List;

/** A horizontal bar chart drawn as inline SVG, with its figures in words as the text alternative. */
public record BarChart(String id, String title, String alternative, List<Bar> bars, int height) {
    static final int LABEL_WIDTH = 130;
    static final int BAR_SPACE = 230;
    static final int ROW = 30;

    /** A chart of labelled values; {@code tones} names each bar's CSS class (good, warn, bad, none). */
    static BarChart of(String id, String title, List<String> labels, List<Integer> values, List<String> tones) {
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        StringBuilder alternative = new StringBuilder(title).append(": ");
        for (int i = 0; i < labels.size(); i++) {
            int value = values.get(i);
            int width = value == 0 ? 0 : Math.max(2, (int) Math.round((double) value * BAR_SPACE / max));
            int y = 8 + i * ROW;
            bars.add(new Bar(labels.get(i), value, tones.get(i), y, width, y + 15, LABEL_WIDTH + width + 6));
            alternative.append(i == 0 ? "" : "; ").append(labels.get(i)).append(' ').append(value);
        }
        return new BarChart(id, title, alternative.append('.').toString(), bars, 16 + labels.size() * ROW);
    }
}
