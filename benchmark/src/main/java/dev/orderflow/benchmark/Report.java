package dev.orderflow.benchmark;

import dev.orderflow.benchmark.Benchmark.ModeResult;
import dev.orderflow.benchmark.Benchmark.RssSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** docs/performance.md and its charts, from one benchmark run. */
final class Report {

    private final Path docs;
    private final double ceiling;
    private final Duration step;
    private final List<ModeResult> results;
    private final List<RssSample> rss;

    Report(Path docs, double ceiling, Duration step, List<ModeResult> results, List<RssSample> rss) {
        this.docs = docs;
        this.ceiling = ceiling;
        this.step = step;
        this.results = results;
        this.rss = rss;
    }

    void write() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path charts = Files.createDirectories(docs.resolve("performance"));
        throughputChart().ifPresentSave(charts.resolve("throughput.png"));
        for (ModeResult result : results) {
            latencyChart(result).ifPresentSave(charts.resolve("latency-" + name(result) + ".png"));
        }
        rssChart().ifPresentSave(charts.resolve("rss.png"));
        Path performance = docs.resolve("performance.md");
        String before = Files.exists(performance) ? Files.readString(performance) : "";
        Files.writeString(performance, splice(before, markdown()));
    }

    static final String BEGIN = "<!-- written by ./benchmark.sh: begin -->\n";
    static final String END = "<!-- written by ./benchmark.sh: end -->\n";

    /**
     * The page with its generated part replaced. Sections written by hand after a run (images, overload, comparisons
     * with earlier code) sit outside the markers and outlive the next run; a page without markers is replaced whole.
     */
    static String splice(String page, String generated) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            return BEGIN + generated + END;
        }
        return page.substring(0, begin) + BEGIN + generated + END + page.substring(end + END.length());
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("""
                # Performance

                Written by the benchmark (`./benchmark.sh`) on %s: 2 cores, JDK %s, DynamoDB Local in-process, the
                service jars started with the container images' JVM flags and the production settings of
                `application.yml`, load from wrk (%d s per level, after a 10 s warm-up at 16 connections), every request
                a new order of one unit with an `Idempotency-Key` of its own. Fault behaviour under load is in
                [resilience.md](resilience.md).

                "CPU ms per order" is each process's CPU time during the level divided by the orders placed in it; the
                DynamoDB Local column is the benchmark's own JVM, which runs DynamoDB Local. This machine is a shared VM
                whose speed drifts by up to 2× within an hour, so orders/s vary between runs more than the code does;
                CPU per order and the share of the ceiling vary less (ADR 0014).

                **DynamoDB Local ceiling**: %.0f orders/s (one conditional update plus one conditional put per order,
                16 concurrent SDK loops, no service in between). The services' throughput is given as a share of it.

                ![throughput](performance/throughput.png)

                """.formatted(LocalDate.now(), Runtime.version().feature(), step.toSeconds(), ceiling));
        for (ModeResult result : results) {
            md.append("## ").append(result.mode() == Benchmark.Mode.SPLIT ? "Split (gateway + processor)"
                    : "Monolith (INVENTORY_MODE=embedded)").append("\n\n");
            md.append("| connections | orders/s | share of ceiling | p50 ms | p95 ms | p99 ms | non-2xx "
                    + "| CPU ms per order: gateway / processor / DynamoDB Local |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (Wrk.Result level : result.levels()) {
                md.append(String.format(Locale.ROOT,
                        "| %d | %.0f | %.0f %% | %.1f | %.1f | %.1f | %d | %.2f / %s / %.2f |%n",
                        level.connections(), level.requestsPerSecond(), 100 * level.requestsPerSecond() / ceiling,
                        level.p50Millis(), level.p95Millis(), level.p99Millis(), level.non2xx(),
                        level.gatewayCpuMillis(), result.mode() == Benchmark.Mode.SPLIT
                                ? String.format(Locale.ROOT, "%.2f", level.processorCpuMillis()) : "—",
                        level.dynamoDbCpuMillis()));
            }
            md.append(String.format(Locale.ROOT, "%nStart to ready: gateway %.1f s%s. RSS idle: gateway %d MiB%s; "
                            + "peak under load: gateway %d MiB%s.%n",
                    result.gatewayStartup().toMillis() / 1000.0,
                    result.processorStartup() == null ? ""
                            : String.format(Locale.ROOT, ", processor %.1f s", result.processorStartup().toMillis() / 1000.0),
                    result.gatewayIdleMib(),
                    result.processorStartup() == null ? "" : ", processor " + result.processorIdleMib() + " MiB",
                    result.gatewayPeakMib(),
                    result.processorStartup() == null ? "" : ", processor " + result.processorPeakMib() + " MiB"));
            if (result.circuitOpen() != null) {
                md.append(String.format(Locale.ROOT, "%nProcessor killed, circuit open: %d answers in 5 s at 16 "
                                + "connections, p50 %.1f ms, p99 %.1f ms.%n", result.circuitOpen().requests(),
                        result.circuitOpen().p50Millis(), result.circuitOpen().p99Millis()));
            }
            md.append("\n![latency](performance/latency-").append(name(result)).append(".png)\n\n");
        }
        md.append("## Memory over the run\n\n![rss](performance/rss.png)\n\n");
        md.append(targets());
        md.append("""

                What moved these numbers, with before/after figures: [ADR 0013](adr/0013-dynamodb-calls-per-order.md)
                (four DynamoDB calls per order instead of six), [ADR 0014](adr/0014-jvm-flags.md) (JVM flags, and
                what was measured side by side and rejected); failing fast when DynamoDB is down:
                [ADR 0012](adr/0012-dynamodb-circuit-breaker.md).
                """);
        return md.toString();
    }

    private String targets() {
        ModeResult split = results.get(0);
        Wrk.Result at16 = at16(split);
        Wrk.Result monolithAt16 = at16(results.get(results.size() - 1));
        long peak = results.stream().mapToLong(r -> Math.max(r.gatewayPeakMib(), r.processorPeakMib())).max()
                .orElse(-1);
        double slowestStart = results.stream().mapToDouble(r -> Math.max(r.gatewayStartup().toMillis(),
                r.processorStartup() == null ? 0 : r.processorStartup().toMillis()) / 1000.0).max().orElse(-1);
        return String.format(Locale.ROOT, """
                ## Targets (issue #3), at 16 connections

                | target | goal | measured | met |
                |---|---|---|---|
                | throughput, split | ≥ 40 %% of the ceiling | %.1f %% (%.0f of %.0f orders/s) | %s |
                | throughput, monolith | ≥ 40 %% of the ceiling | %.1f %% (%.0f orders/s) | %s |
                | p99 latency, split | ≤ 100 ms | %.1f ms | %s |
                | p99 latency, monolith | ≤ 100 ms | %.1f ms | %s |
                | RSS per service under load | ≤ 256 MiB | %d MiB (highest of all services and modes) | %s |
                | start to ready | ≤ 5 s | %.1f s (slowest service) | %s |
                | answer with the circuit open, p99 | ≤ 50 ms | %.1f ms | %s |
                """,
                100 * at16.requestsPerSecond() / ceiling, at16.requestsPerSecond(), ceiling,
                met(at16.requestsPerSecond() >= 0.4 * ceiling),
                100 * monolithAt16.requestsPerSecond() / ceiling, monolithAt16.requestsPerSecond(),
                met(monolithAt16.requestsPerSecond() >= 0.4 * ceiling),
                at16.p99Millis(), met(at16.p99Millis() <= 100),
                monolithAt16.p99Millis(), met(monolithAt16.p99Millis() <= 100), peak, met(peak <= 256), slowestStart,
                met(slowestStart <= 5), split.circuitOpen().p99Millis(), met(split.circuitOpen().p99Millis() <= 50));
    }

    private static Wrk.Result at16(ModeResult result) {
        return result.levels().stream().filter(level -> level.connections() == 16).findFirst().orElseThrow();
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private Chart throughputChart() {
        XYChart chart = new XYChartBuilder().width(800).height(450).title("Orders per second")
                .xAxisTitle("connections").yAxisTitle("orders/s").build();
        for (ModeResult result : results) {
            series(chart, result.mode().name().toLowerCase(), result.levels(), Wrk.Result::requestsPerSecond);
        }
        chart.addSeries("DynamoDB Local ceiling", new double[] {1, 64}, new double[] {ceiling, ceiling})
                .setMarker(SeriesMarkers.NONE);
        return new Chart(chart);
    }

    private Chart latencyChart(ModeResult result) {
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title("Latency, " + result.mode().name().toLowerCase()).xAxisTitle("connections").yAxisTitle("ms")
                .build();
        series(chart, "p50", result.levels(), Wrk.Result::p50Millis);
        series(chart, "p95", result.levels(), Wrk.Result::p95Millis);
        series(chart, "p99", result.levels(), Wrk.Result::p99Millis);
        return new Chart(chart);
    }

    private Chart rssChart() {
        XYChart chart = new XYChartBuilder().width(800).height(450).title("Resident memory")
                .xAxisTitle("seconds into the run").yAxisTitle("MiB").build();
        for (String mode : List.of("SPLIT", "MONOLITH")) {
            List<RssSample> samples = rss.stream().filter(s -> s.mode().equals(mode)).toList();
            if (samples.isEmpty()) {
                continue;
            }
            double[] seconds = samples.stream().mapToDouble(RssSample::seconds).toArray();
            chart.addSeries("gateway (" + mode.toLowerCase() + ")", seconds,
                    samples.stream().mapToDouble(RssSample::gatewayMib).toArray()).setMarker(SeriesMarkers.NONE);
            if (mode.equals("SPLIT")) {
                chart.addSeries("processor", seconds, samples.stream().mapToDouble(RssSample::processorMib).toArray())
                        .setMarker(SeriesMarkers.NONE);
            }
        }
        chart.addSeries("256 MiB goal", new double[] {0, rss.isEmpty() ? 1 : rss.get(rss.size() - 1).seconds()},
                new double[] {256, 256}).setMarker(SeriesMarkers.NONE);
        return new Chart(chart);
    }

    private static void series(XYChart chart, String name, List<Wrk.Result> levels, ToDoubleFunction<Wrk.Result> y) {
        chart.addSeries(name, levels.stream().mapToDouble(Wrk.Result::connections).toArray(),
                levels.stream().mapToDouble(y).toArray());
    }

    private static String name(ModeResult result) {
        return result.mode().name().toLowerCase();
    }

    private record Chart(XYChart chart) {
        void ifPresentSave(Path file) throws IOException {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
