package io.roundup.search.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code roundup_synonyms}: synonyms from rules written inline in Solr format, one rule per list entry:
 * {@code "headset, headphones"} (equivalent words) or {@code "tv => television"} (a one-way replacement). Multi-word
 * rules work ({@code "noise cancelling, anc"}), since the filter emits a token graph.
 *
 * <p>The rules are analyzed the way the text reaching this filter was, so that they match it: our analyzers run
 * {@code standard} tokenizer → {@code lowercase} → {@code roundup_possessive} → {@code roundup_folding} →
 * {@code roundup_synonyms} → {@code roundup_stem}, and the rules go through the same chain up to, not including, this
 * filter. Stemming comes after synonyms so that a rule names words as people write them ("headphones"), and both sides
 * of it are then stemmed alike; the flip side is that a rule matches only the forms it lists ("headsets" needs its own
 * entry). An analyzer that puts other filters before this one would not match such rules.
 *
 * <p>Search time only: a token graph cannot be indexed as it is (this distribution has no {@code flatten_graph}).
 * Elasticsearch refuses a mapping whose index-time analyzer uses this filter.
 *
 * <p>Rules are parsed when Elasticsearch creates the filter: when an index defining it is created or opened, or an
 * {@code _analyze} request defines it inline. A rule that does not parse fails that request, with this class's
 * message in the innermost {@code caused_by} but one.
 */
@NamedComponent("roundup_synonyms")
public final class SynonymFilterFactory implements TokenFilterFactory {

    /** The filter's settings in the index's analysis definition. */
    @AnalysisSettings
    public interface Settings {

        /** The rules in Solr format, one per entry; none means the filter passes every token through. */
        @ListSetting(path = "rules")
        List<String> rules();

        /**
         * Whether {@code "a, b, c"} makes each word match all three (true) or only maps {@code b} and {@code c} to
         * {@code a} (false).
         */
        @BooleanSetting(path = "expand", defaultValue = true)
        boolean expand();
    }

    private final SynonymMap synonyms;

    @Inject
    public SynonymFilterFactory(Settings settings) {
        this.synonyms = parse(settings.rules(), settings.expand());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // Lucene's filter refuses an empty map, and without rules there is nothing to do.
        return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, false);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return AnalysisMode.SEARCH_TIME;
    }

    private static SynonymMap parse(List<String> rules, boolean expand) {
        try (Analyzer analyzer = new RuleAnalyzer()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, expand, analyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (ParseException e) {
            // Lucene's message names the line (one rule per line, counted from 1); its cause says what is wrong
            String cause = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
            throw new IllegalArgumentException("roundup_synonyms: " + e.getMessage() + cause, e);
        } catch (IOException e) {
            throw new UncheckedIOException("roundup_synonyms: cannot read the rules", e);
        }
    }

    /** The chain before this filter in our analyzers; see the class comment. */
    private static final class RuleAnalyzer extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new EnglishPossessiveFilter(new LowerCaseFilter(tokenizer)));
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
