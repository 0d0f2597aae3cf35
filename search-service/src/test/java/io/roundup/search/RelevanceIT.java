package io.roundup.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ProductChanged;
import io.roundup.search.RelevanceJudgments.Judged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Relevance you can measure: a corpus of roundups written for this suite goes in through Kafka like any other event,
 * the judged queries go to {@code GET /api/search} as readers type them, and the build fails when the mean nDCG@5 or
 * the MRR of the roundup a reader wants first drops below the floors, which were set a little under the values
 * measured when the suite was written (nDCG@5 0.93, MRR 0.94; see the README). Runs in its own JVM (its own Kafka and Elasticsearch), so no
 * other test's articles sit in the index; the index uses the synonym rules the service ships with.
 */
class RelevanceIT extends SearchServiceHarness {

    static final double NDCG_AT_5_FLOOR = 0.88;
    static final double MRR_FLOOR = 0.90;
    static final int K = 5;

    @Test
    void judgedQueriesRankTheRightRoundupsFirst() {
        RelevanceCorpus corpus = RelevanceCorpus.read("relevance/corpus-a.json", "relevance/corpus-b.json");
        List<Judged> queries = RelevanceJudgments.read("relevance/queries-a.json", "relevance/queries-b.json");
        assertThat(corpus.roundups())
                .as("the issue asks for at least 40 roundups")
                .hasSizeGreaterThanOrEqualTo(40);

        RecordMetadata last = null;
        for (ProductChanged product : corpus.productEvents()) {
            last = events.send(product);
        }
        awaitConsumed(last);
        for (ArticleChanged article : corpus.articleEvents()) {
            last = events.send(article);
        }
        awaitConsumed(last);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.search("size", "1").path("total").asLong()
                        >= corpus.roundups().size());

        double ndcgSum = 0;
        double rrSum = 0;
        List<String> report = new ArrayList<>();
        for (Judged query : queries) {
            List<String> ranking = SearchApi.ids(api.search("q", query.q(), "size", "10"));
            double ndcg = query.ndcg(ranking, K);
            double rr = query.reciprocalRank(ranking);
            ndcgSum += ndcg;
            rrSum += rr;
            report.add(String.format(
                    Locale.ROOT,
                    "%5.2f %5.2f  %-12s %-32s %s",
                    ndcg,
                    rr,
                    query.tests(),
                    query.q(),
                    ranking.subList(0, Math.min(K, ranking.size()))));
        }
        double ndcg = ndcgSum / queries.size();
        double mrr = rrSum / queries.size();
        System.out.println("Relevance over " + queries.size() + " judged queries, "
                + corpus.roundups().size()
                + " roundups:\n nDCG  RR    tests        query                            top " + K + "\n"
                + String.join("\n", report)
                + String.format(Locale.ROOT, "%nmean nDCG@%d = %.3f, MRR = %.3f", K, ndcg, mrr));

        assertThat(ndcg).as("mean nDCG@" + K).isGreaterThanOrEqualTo(NDCG_AT_5_FLOOR);
        assertThat(mrr).as("MRR of the roundup wanted first").isGreaterThanOrEqualTo(MRR_FLOOR);
    }

    private void awaitConsumed(RecordMetadata last) {
        await().atMost(Duration.ofSeconds(60)).until(() -> events.consumed(last));
    }
}
