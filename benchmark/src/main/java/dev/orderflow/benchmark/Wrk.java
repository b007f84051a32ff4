package dev.orderflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian package) against {@code POST /orders} and reads its report. */
final class Wrk {

    /** One load level; the CPU per order of each process is filled in by whoever measured it, else NaN. */
    record Result(int connections, double requestsPerSecond, double p50Millis, double p95Millis, double p99Millis,
                  long requests, long non2xx, double gatewayCpuMillis, double processorCpuMillis,
                  double dynamoDbCpuMillis) {

        Result withCpu(double gateway, double processor, double dynamoDb) {
            return new Result(connections, requestsPerSecond, p50Millis, p95Millis, p99Millis, requests, non2xx,
                    gateway, processor, dynamoDb);
        }
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");

    private final Path script;

    /**
     * Every request is a new order for the product, sent as a careful client sends it: with an Idempotency-Key of
     * its own (a per-thread random prefix and a counter), so each one reserves stock.
     */
    Wrk(String productId) {
        try {
            script = Files.createTempFile("orders", ".lua");
            Files.writeString(script, """
                    wrk.method = "POST"
                    wrk.headers["Content-Type"] = "application/json"
                    wrk.body = '{"product_id":"%s","quantity":1,"customer_id":"benchmark"}'
                    local counter = 0
                    local prefix
                    init = function(args)
                      -- each thread has a Lua state of its own, told apart by the address of a fresh table
                      math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%%x+)"), 16) or 0) %% 1000003)
                      prefix = string.format("bench-%%08x-%%08x-", os.time(), math.random(0, 0x7fffffff))
                    end
                    request = function()
                      counter = counter + 1
                      wrk.headers["Idempotency-Key"] = prefix .. counter
                      return wrk.format()
                    end
                    done = function(summary, latency, requests)
                      for _, p in pairs({50, 95, 99}) do
                        io.write(string.format("P%%d %%d\\n", p, latency:percentile(p)))
                      end
                    end
                    """.formatted(productId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireInstalled() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result run(URI gateway, int connections, Duration duration) {
        List<String> command = List.of("wrk", "-t", Integer.toString(Math.min(2, connections)),
                "-c", Integer.toString(connections), "-d", duration.toSeconds() + "s", "--latency", "--timeout", "5s",
                "-s", script.toString(), gateway.resolve("/orders").toString());
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String report = new String(wrk.getInputStream().readAllBytes());
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + report);
            }
            return new Result(connections, number(RATE, report), micros(report, 50) / 1000.0,
                    micros(report, 95) / 1000.0, micros(report, 99) / 1000.0, (long) number(TOTAL, report),
                    (long) numberOrZero(NON_2XX, report), Double.NaN, Double.NaN, Double.NaN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double number(Pattern pattern, String report) {
        Matcher matcher = pattern.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("unreadable wrk report:\n" + report);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static double numberOrZero(Pattern pattern, String report) {
        Matcher matcher = pattern.matcher(report);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** Printed by the script's {@code done} hook, in microseconds: wrk's own report has no 95th percentile. */
    private static long micros(String report, int percentile) {
        Matcher matcher = Pattern.compile("(?m)^P" + percentile + " ([0-9]+)$").matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("no p" + percentile + " in wrk report:\n" + report);
        }
        return Long.parseLong(matcher.group(1));
    }
}
