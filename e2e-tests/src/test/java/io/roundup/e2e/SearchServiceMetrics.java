package io.roundup.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * search-service's own timers, read off {@code /actuator/prometheus} before and after a run: how long its bulks took
 * ({@code roundup_search_bulk_seconds}) and how long from an event's {@code ce_time} to the bulk that wrote it
 * ({@code roundup_search_publish_to_searchable_seconds}). Only means and histogram buckets travel that way, so what
 * they give is the run's mean and a bucket-bounded estimate of its percentiles, not per-article figures.
 */
final class SearchServiceMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The samples of one scrape, by metric name and labels as printed. */
    record Scrape(Map<String, Double> samples) {

        /** The sum over every series of {@code name} whose labels contain {@code labelPart}. */
        double total(String name, String labelPart) {
            double total = 0;
            for (Map.Entry<String, Double> sample : samples.entrySet()) {
                String key = sample.getKey();
                int brace = key.indexOf('{');
                String metric = brace < 0 ? key : key.substring(0, brace);
                if (metric.equals(name) && key.contains(labelPart)) {
                    total += sample.getValue();
                }
            }
            return total;
        }

        /** The cumulative bucket counts of a histogram, by upper bound in seconds. */
        TreeMap<Double, Double> buckets(String name, String labelPart) {
            TreeMap<Double, Double> buckets = new TreeMap<>();
            for (Map.Entry<String, Double> sample : samples.entrySet()) {
                String key = sample.getKey();
                if (key.startsWith(name + "_bucket{") && key.contains(labelPart)) {
                    Matcher le = LE.matcher(key);
                    if (le.find()) {
                        double bound =
                                le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                        buckets.merge(bound, sample.getValue(), Double::sum);
                    }
                }
            }
            return buckets;
        }
    }

    /** What a timer did between two scrapes: count, mean and (when it has buckets) p50/p99 upper bounds, in ms. */
    static Map<String, Object> between(Scrape before, Scrape after, String name, String labelPart) {
        double count = after.total(name + "_count", labelPart) - before.total(name + "_count", labelPart);
        double sum = after.total(name + "_sum", labelPart) - before.total(name + "_sum", labelPart);
        Map<String, Object> timer = new LinkedHashMap<>();
        timer.put("count", Math.round(count));
        timer.put("meanMs", count == 0 ? Double.NaN : Math.round(sum / count * 10_000) / 10.0);
        TreeMap<Double, Double> was = before.buckets(name, labelPart);
        TreeMap<Double, Double> is = after.buckets(name, labelPart);
        if (!is.isEmpty() && count > 0) {
            timer.put("p50AtMostMs", bound(was, is, count * 0.50));
            timer.put("p99AtMostMs", bound(was, is, count * 0.99));
        }
        return timer;
    }

    private static double bound(TreeMap<Double, Double> was, TreeMap<Double, Double> is, double rank) {
        for (Map.Entry<Double, Double> bucket : is.entrySet()) {
            double inRun = bucket.getValue() - was.getOrDefault(bucket.getKey(), 0.0);
            if (inRun >= rank) {
                return Math.round(bucket.getKey() * 10_000) / 10.0;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    static Scrape scrape(URI searchService) {
        HttpRequest request = HttpRequest.newBuilder(searchService.resolve("/actuator/prometheus"))
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("search-service's metrics answered " + response.statusCode());
            }
            Map<String, Double> samples = new LinkedHashMap<>();
            for (String line : response.body().split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                Matcher sample = SAMPLE.matcher(line.strip());
                if (sample.matches()) {
                    String labels = sample.group(2) == null ? "" : sample.group(2);
                    try {
                        samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
                    } catch (NumberFormatException ex) {
                        // NaN and friends are skipped
                    }
                }
            }
            return new Scrape(samples);
        } catch (IOException ex) {
            throw new AssertionError("search-service's metrics unreachable: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private SearchServiceMetrics() {}
}
