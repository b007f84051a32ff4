package dev.orderflow.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * promtool's notation for the values of an input series ({@code 0+10x30 300x5 _ stale}), expanded to the samples it
 * stands for. Missing samples ({@code _}) and stale markers are left out.
 */
final class SeriesValues {

    /** {@code a}, {@code axn}, {@code a+bxn}, {@code a-bxn}; {@code _} and {@code _xn}; {@code stale}. */
    private static final String NUMBER = "[0-9.]+(?:[eE][+-]?[0-9]+)?";
    private static final Pattern TOKEN = Pattern.compile(
            "(?<start>-?" + NUMBER + ")(?:(?<sign>[+-])(?<step>" + NUMBER + "))?(?:x(?<times>[0-9]+))?");

    private SeriesValues() {
    }

    static List<Double> expand(String notation) {
        List<Double> values = new ArrayList<>();
        for (String token : notation.trim().split("\\s+")) {
            if (token.equals("stale") || token.startsWith("_")) {
                continue;
            }
            Matcher matcher = TOKEN.matcher(token);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not promtool's series notation: " + token);
            }
            double start = Double.parseDouble(matcher.group("start"));
            double step = matcher.group("step") == null ? 0 : Double.parseDouble(matcher.group("step"));
            if ("-".equals(matcher.group("sign"))) {
                step = -step;
            }
            int times = matcher.group("times") == null ? 0 : Integer.parseInt(matcher.group("times"));
            for (int i = 0; i <= times; i++) {
                values.add(start + i * step);
            }
        }
        return values;
    }
}
