package io.healthscore.backtest.report;

import java.util.List;
import java.util.Locale;

/**
 * Small charts as inline SVG, drawn from the report's numbers: no script, no fonts or files to fetch,
 * so the report is one self-contained file. Every drawn datum carries its value in a {@code data-}
 * attribute, so tests (and curious readers) can check the picture against the JSON.
 */
final class SvgChart {

    static final String[] PALETTE = {"#1f6fb2", "#d9822b", "#2e9e5b", "#b8336a", "#6f5aa8", "#7a7a7a"};

    private static final int W = 560;
    private static final int H = 320;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;

    /** A line series: points in data units, optionally with a marker on each point. */
    record Line(String name, double[][] points, boolean markers) {
    }

    /** A bar series: one value per category. */
    record Bars(String name, double[] values) {
    }

    private SvgChart() {
    }

    /** Lines on [0, xMax] x [0, yMax], with an optional dashed diagonal (chance or perfect calibration). */
    static String lines(String id, String title, String xLabel, String yLabel, List<Line> series, double xMax, double yMax,
                        boolean diagonal) {
        StringBuilder sb = open(id, title, series.size());
        axes(sb, xLabel, yLabel, 0, xMax, 0, yMax, 5);
        if (diagonal) {
            double d = Math.min(xMax, yMax);
            sb.append(String.format(Locale.ROOT,
                    "<line class=\"diagonal\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>",
                    x(0, xMax), y(0, yMax), x(d, xMax), y(d, yMax)));
        }
        for (int s = 0; s < series.size(); s++) {
            Line l = series.get(s);
            String color = PALETTE[s % PALETTE.length];
            StringBuilder pts = new StringBuilder();
            for (double[] p : l.points()) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p[0], xMax), y(p[1], yMax)));
            }
            sb.append("<polyline class=\"series\" data-series=\"").append(esc(l.name())).append("\" data-points=\"")
                    .append(l.points().length).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\" points=\"").append(pts.toString().trim()).append("\"/>");
            if (l.markers()) {
                for (double[] p : l.points()) {
                    sb.append(String.format(Locale.ROOT,
                            "<circle class=\"point\" data-x=\"%s\" data-y=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>",
                            p[0], p[1], x(p[0], xMax), y(p[1], yMax), color));
                }
            }
        }
        legend(sb, series.stream().map(Line::name).toList());
        return sb.append("</svg>").toString();
    }

    /** Vertical grouped bars, one group per category. */
    static String bars(String id, String title, String xLabel, String yLabel, List<String> categories, List<Bars> series,
                       boolean percent) {
        double max = 0;
        for (Bars b : series) {
            for (double v : b.values()) {
                max = Math.max(max, v);
            }
        }
        max = niceMax(max);
        StringBuilder sb = open(id, title, series.size());
        axes(sb, xLabel, null, 0, 0, 0, max, 5);
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                + "text-anchor=\"middle\" font-size=\"12\">%s</text>", TOP + (H - TOP - BOTTOM) / 2, TOP + (H - TOP - BOTTOM) / 2,
                esc(yLabel)));
        int n = categories.size();
        double plotW = W - LEFT - RIGHT;
        double group = plotW / Math.max(1, n);
        double barW = group * 0.8 / Math.max(1, series.size());
        for (int c = 0; c < n; c++) {
            double gx = LEFT + c * group + group * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[c];
                double top = y(v, max);
                sb.append(String.format(Locale.ROOT,
                        "<rect class=\"bar\" data-series=\"%s\" data-category=\"%s\" data-value=\"%s\" x=\"%.1f\" y=\"%.1f\" "
                                + "width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                        esc(series.get(s).name()), esc(categories.get(c)), v, gx + s * barW, top, Math.max(0.5, barW - 1),
                        Math.max(0, H - BOTTOM - top), PALETTE[s % PALETTE.length], esc(series.get(s).name()),
                        esc(categories.get(c)), percent ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : fmt(v)));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
                    LEFT + c * group + group / 2, H - BOTTOM + 14, esc(categories.get(c))));
        }
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>",
                LEFT + (W - LEFT - RIGHT) / 2, H - 8, esc(xLabel)));
        if (series.size() > 1) {
            legend(sb, series.stream().map(Bars::name).toList());
        }
        return sb.append("</svg>").toString();
    }

    /** Horizontal bars from {@code origin} (e.g. 0.5 for AUC), one row per label, several series side by side. */
    static String horizontalBars(String id, String title, String xLabel, List<String> labels, List<Bars> series, double min,
                                 double max, double origin) {
        int rowH = 22;
        int height = TOP + 20 + labels.size() * rowH + 40;
        int left = 190;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" data-chart=\"").append(id).append("\" data-series=\"").append(series.size())
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        sb.append("<text class=\"title\" x=\"").append(W / 2).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"600\">")
                .append(esc(title)).append("</text>");
        double plotW = W - left - RIGHT;
        java.util.function.DoubleUnaryOperator px = v -> left + plotW * (Math.max(min, Math.min(max, v)) - min) / (max - min);
        int plotTop = TOP + 10;
        int plotBottom = plotTop + labels.size() * rowH;
        for (int t = 0; t <= 4; t++) {
            double v = min + (max - min) * t / 4;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
                    px.applyAsDouble(v), plotTop, px.applyAsDouble(v), plotBottom, px.applyAsDouble(v), plotBottom + 14, fmt(v)));
        }
        sb.append(String.format(Locale.ROOT, "<line class=\"origin\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\"/>",
                px.applyAsDouble(origin), plotTop, px.applyAsDouble(origin), plotBottom));
        double barH = (rowH - 6.0) / Math.max(1, series.size());
        for (int r = 0; r < labels.size(); r++) {
            int rowTop = plotTop + r * rowH;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>",
                    left - 6, rowTop + rowH / 2.0 + 4, esc(labels.get(r))));
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[r];
                if (Double.isNaN(v)) {
                    continue;
                }
                double a = px.applyAsDouble(origin);
                double b = px.applyAsDouble(v);
                sb.append(String.format(Locale.ROOT,
                        "<rect class=\"bar\" data-series=\"%s\" data-category=\"%s\" data-value=\"%s\" x=\"%.1f\" y=\"%.1f\" "
                                + "width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                        esc(series.get(s).name()), esc(labels.get(r)), v, Math.min(a, b), rowTop + 3 + s * barH,
                        Math.max(0.5, Math.abs(b - a)), barH - 1, PALETTE[s % PALETTE.length], esc(series.get(s).name()),
                        esc(labels.get(r)), fmt(v)));
            }
        }
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>",
                left + plotW / 2, plotBottom + 32, esc(xLabel)));
        if (series.size() > 1) {
            int lx = left;
            for (int s = 0; s < series.size(); s++) {
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", lx, TOP - 8, PALETTE[s % PALETTE.length], lx + 14,
                        TOP + 1, esc(series.get(s).name())));
                lx += 14 + 7 * series.get(s).name().length() + 16;
            }
        }
        return sb.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int series) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" data-chart=\"").append(id).append("\" data-series=\"").append(series)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        sb.append("<text class=\"title\" x=\"").append(W / 2).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"600\">")
                .append(esc(title)).append("</text>");
        return sb;
    }

    private static void axes(StringBuilder sb, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax,
                             int ticks) {
        int x0 = LEFT;
        int x1 = W - RIGHT;
        int y0 = H - BOTTOM;
        int y1 = TOP;
        for (int t = 0; t <= ticks; t++) {
            double v = yMin + (yMax - yMin) * t / ticks;
            double yy = y(v, yMax);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\">%s</text>", x0, yy, x1, yy, x0 - 4, yy + 3, fmt(v)));
            if (xMax > xMin) {
                double xv = xMin + (xMax - xMin) * t / ticks;
                double xx = x(xv, xMax);
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
                        xx, y0 + 14, fmt(xv)));
            }
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x0, y0, x1, y0));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x0, y0, x0, y1));
        if (xMax > xMin) {
            sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>",
                    (x0 + x1) / 2, H - 8, esc(xLabel)));
        }
        if (yLabel != null) {
            sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                    + "text-anchor=\"middle\" font-size=\"12\">%s</text>", (y0 + y1) / 2, (y0 + y1) / 2, esc(yLabel)));
        }
    }

    private static void legend(StringBuilder sb, List<String> names) {
        int lx = LEFT + 8;
        for (int s = 0; s < names.size(); s++) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", lx, TOP - 8, PALETTE[s % PALETTE.length], lx + 14,
                    TOP + 1, esc(names.get(s))));
            lx += 14 + 7 * names.get(s).length() + 16;
        }
    }

    private static double x(double v, double xMax) {
        return LEFT + (W - LEFT - RIGHT) * (xMax == 0 ? 0 : v / xMax);
    }

    private static double y(double v, double yMax) {
        return H - BOTTOM - (H - TOP - BOTTOM) * (yMax == 0 ? 0 : v / yMax);
    }

    static double niceMax(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (v <= m * p) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.2f" : "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
