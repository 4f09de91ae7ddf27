package dev.credreport.render.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart of figures over time (the saved reports of --history), as inline SVG polylines. Its text
 * alternative is a table of every point.
 */
public record LineChart(String title, List<Series> series, List<String> dates, List<Row> rows, String firstDate,
        String lastDate, int max, int width, int height, int plotRight, int plotBottom) {
    static final int LEFT = 44;
    static final int TOP = 12;
    static final int WIDTH = 560;
    static final int HEIGHT = 220;
    static final int BOTTOM = 28;
    static final int RIGHT = 12;

    /** One line: its name, CSS class, SVG points and last value. */
    public record Series(String name, String tone, String points, int last, List<Dot> dots) {
    }

    /** One point of a line. */
    public record Dot(int x, int y) {
    }

    /** One row of the text alternative: the date, then each series' value. */
    public record Row(String date, List<Integer> values) {
    }

    static LineChart of(String title, List<Instant> times, List<String> names, List<String> tones, List<List<Integer>> values) {
        int max = 1;
        for (List<Integer> line : values) {
            for (int value : line) {
                max = Math.max(max, value);
            }
        }
        max = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        long first = times.get(0).getEpochSecond();
        long span = Math.max(1, times.get(times.size() - 1).getEpochSecond() - first);
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            StringBuilder points = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            List<Integer> line = values.get(s);
            for (int i = 0; i < times.size(); i++) {
                int x = times.size() == 1 ? LEFT + plotWidth / 2
                        : LEFT + (int) Math.round((double) (times.get(i).getEpochSecond() - first) * plotWidth / span);
                int y = TOP + plotHeight - (int) Math.round((double) line.get(i) * plotHeight / max);
                points.append(i == 0 ? "" : " ").append(x).append(',').append(y);
                dots.add(new Dot(x, y));
            }
            series.add(new Series(names.get(s), tones.get(s), points.toString(), line.get(line.size() - 1), dots));
        }
        List<String> dates = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            String date = Words.minute(times.get(i));
            dates.add(date);
            List<Integer> row = new ArrayList<>();
            for (List<Integer> line : values) {
                row.add(line.get(i));
            }
            rows.add(new Row(date, row));
        }
        return new LineChart(title, series, dates, rows, Words.date(times.get(0)), Words.date(times.get(times.size() - 1)),
                max, WIDTH, HEIGHT, WIDTH - RIGHT, HEIGHT - BOTTOM);
    }

    /** 1, 2, 5, 10, 20, 50, … at or above the value, so the axis reads in round numbers. */
    private static int niceCeiling(int value) {
        int step = 1;
        while (true) {
            for (int factor : new int[] {1, 2, 5}) {
                if (step * factor >= value) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    public int middle() {
        return max / 2;
    }

    public int middleY() {
        return TOP + (HEIGHT - TOP - BOTTOM) / 2;
    }

    public int top() {
        return TOP;
    }

    public int left() {
        return LEFT;
    }

    public int axisLabelY() {
        return HEIGHT - 8;
    }
}
