package io.roundup.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judged queries ({@code relevance/queries-*.json}): what a reader types, and for each roundup that should come up its
 * grade (3 = the one they want first, 2 = clearly relevant, 1 = related; unlisted = irrelevant).
 */
final class RelevanceJudgments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RelevanceJudgments() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Judged(String q, Map<String, Integer> judgments, String tests) {

        /**
         * nDCG at {@code k}: the gains ({@code 2^grade - 1}) of the ranking, discounted by log2 of the position,
         * divided by those of the ideal ranking.
         */
        double ndcg(List<String> ranking, int k) {
            double dcg = 0;
            for (int i = 0; i < Math.min(k, ranking.size()); i++) {
                dcg += gain(judgments.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
            }
            List<Integer> ideal = judgments.values().stream()
                    .sorted(Comparator.reverseOrder())
                    .toList();
            double idcg = 0;
            for (int i = 0; i < Math.min(k, ideal.size()); i++) {
                idcg += gain(ideal.get(i)) / log2(i + 2);
            }
            return idcg == 0 ? 0 : dcg / idcg;
        }

        /** 1 / the position of the first roundup graded 3; 0 when none is in the ranking. */
        double reciprocalRank(List<String> ranking) {
            for (int i = 0; i < ranking.size(); i++) {
                if (judgments.getOrDefault(ranking.get(i), 0) == 3) {
                    return 1.0 / (i + 1);
                }
            }
            return 0;
        }

        private static double gain(int grade) {
            return Math.pow(2, grade) - 1;
        }

        private static double log2(int n) {
            return Math.log(n) / Math.log(2);
        }
    }

    static List<Judged> read(String... resources) {
        List<Judged> all = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = new ClassPathResource(resource).getInputStream()) {
                all.addAll(JSON.readValue(in, new TypeReference<List<Judged>>() {}));
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot read " + resource, ex);
            }
        }
        return all;
    }
}
