package dev.orderflow.observability;

import dev.orderflow.observability.PanelQueries.Evaluated;
import dev.orderflow.observability.PanelQueries.PanelResult;
import dev.orderflow.observability.PanelQueries.TargetResult;
import dev.orderflow.observability.PrometheusServer.Series;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders every panel of an evaluated dashboard as a line chart of its queries' results, in one PNG per dashboard
 * with a caption saying what it is: the panel queries' data drawn by XChart, not Grafana.
 */
final class PanelRenderer {

    private static final int COLUMNS = 3;
    private static final int WIDTH = 560;
    private static final int HEIGHT = 330;
    private static final int CAPTION = 64;
    /** More lines than this make a small chart unreadable; see {@link #shown}. */
    private static final int MOST_SERIES = 8;
    private static final Map<String, String> AXIS = Map.of("reqps", "requests/s", "ops", "per second",
            "s", "seconds", "bytes", "MiB", "percentunit", "share", "suffix:×", "× budget rate", "short", "",
            "none", "0 closed, 1 half-open, 2 open");

    /** A moment worth a vertical line on every chart (the outage, say). */
    record Marker(Instant at) {
    }

    private PanelRenderer() {
    }

    static Path render(Evaluated evaluated, Path directory, String caption, List<Marker> markers) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        for (PanelResult panel : evaluated.panels()) {
            charts.add(chart(panel, evaluated.start(), evaluated.end(), evaluated.step(), markers));
        }
        int rows = (charts.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(COLUMNS * WIDTH, CAPTION + rows * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        graphics.drawString(evaluated.dashboard().title(), 12, 24);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        graphics.drawString(caption, 12, 48);
        for (int i = 0; i < charts.size(); i++) {
            graphics.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % COLUMNS) * WIDTH,
                    CAPTION + (i / COLUMNS) * HEIGHT, null);
        }
        graphics.dispose();
        Files.createDirectories(directory);
        Path png = directory.resolve(evaluated.dashboard().name() + ".png");
        ImageIO.write(image, "png", png.toFile());
        return png;
    }

    private static XYChart chart(PanelResult panel, Instant start, Instant end, Duration step, List<Marker> markers) {
        String unit = panel.panel().unit();
        double first = start.toEpochMilli() / 1000.0;
        int steps = (int) ((end.toEpochMilli() - start.toEpochMilli()) / step.toMillis()) + 1;
        List<Line> lines = lines(panel, unit, first, step.toMillis() / 1000.0, steps);
        String title = panel.panel().title() + (lines.size() > MOST_SERIES
                ? " (" + MOST_SERIES + " highest of " + lines.size() + ")" : "");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("seconds from the start of the range").yAxisTitle(AXIS.getOrDefault(unit, unit)).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        styler.setMarkerSize(0);
        styler.setChartBackgroundColor(Color.WHITE);
        if (unit.equals("percentunit")) {
            styler.setYAxisDecimalPattern("0.#%");
        }
        styler.setXAxisDecimalPattern("0");
        shown(lines).forEach(line -> chart.addSeries(line.name(), line.x(start), line.y())
                .setMarker(SeriesMarkers.NONE));
        if (lines.isEmpty()) {
            chart.addSeries("no data", new double[] {0}, new double[] {0});
        }
        for (Marker marker : markers) {
            chart.addAnnotation(new AnnotationLine((marker.at().toEpochMilli() - start.toEpochMilli()) / 1000.0, true,
                    false));
        }
        return chart;
    }

    /** One line of a chart, on the query's full time grid: NaN where a step had no sample (a gap in the line). */
    private record Line(String query, String name, double[] times, double[] values) {

        static Line onGrid(String query, String name, Series series, double start, double step, int steps,
                           double scale) {
            double[] times = new double[steps];
            double[] values = new double[steps];
            for (int i = 0; i < steps; i++) {
                times[i] = start + i * step;
                values[i] = Double.NaN;
            }
            for (int i = 0; i < series.times().length; i++) {
                int index = (int) Math.round((series.times()[i] - start) / step);
                if (index >= 0 && index < steps) {
                    values[index] = series.values()[i] / scale;
                }
            }
            return new Line(query, name, times, values);
        }

        double max() {
            double max = 0;
            for (double value : values) {
                max = Double.isFinite(value) ? Math.max(max, value) : max;
            }
            return max;
        }

        double[] x(Instant start) {
            double[] x = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                x[i] = times[i] - start.toEpochMilli() / 1000.0;
            }
            return x;
        }

        /** NaN and infinities are gaps: XChart leaves NaN out of a line. */
        double[] y() {
            double[] y = values.clone();
            for (int i = 0; i < y.length; i++) {
                y[i] = Double.isFinite(y[i]) ? y[i] : Double.NaN;
            }
            return y;
        }
    }

    /**
     * The lines a small chart has room for: taken from each query in turn, highest first, so that a usage query is
     * not crowded out by its requests and limits.
     */
    private static List<Line> shown(List<Line> lines) {
        Map<String, List<Line>> byQuery = new LinkedHashMap<>();
        for (Line line : lines) {
            byQuery.computeIfAbsent(line.query(), query -> new ArrayList<>()).add(line);
        }
        byQuery.values().forEach(query -> query.sort(Comparator.comparingDouble(Line::max).reversed()));
        List<Line> shown = new ArrayList<>();
        for (int rank = 0; shown.size() < Math.min(MOST_SERIES, lines.size()); rank++) {
            for (List<Line> query : byQuery.values()) {
                if (rank < query.size() && shown.size() < MOST_SERIES) {
                    shown.add(query.get(rank));
                }
            }
        }
        return shown;
    }

    private static List<Line> lines(PanelResult panel, String unit, double start, double step, int steps) {
        List<Line> lines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TargetResult target : panel.targets()) {
            for (Series series : target.series()) {
                String name = PanelQueries.legend(target.target().legend(), series.labels());
                name = name.isEmpty() ? target.target().refId() : name;
                while (!names.add(name)) {
                    name = name + " ";
                }
                lines.add(Line.onGrid(target.target().refId(), name, series, start, step, steps,
                        unit.equals("bytes") ? 1024 * 1024 : 1));
            }
        }
        return lines;
    }
}
