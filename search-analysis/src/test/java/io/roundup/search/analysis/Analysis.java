package io.roundup.search.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Runs text through the {@code standard} tokenizer, {@code lowercase} and the given filters, as Elasticsearch would. */
final class Analysis {

    private Analysis() {}

    /** The terms in stream order; tokens at the same position (synonyms) follow each other. */
    static List<String> terms(String text, TokenFilterFactory... filters) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        TokenStream stream = new LowerCaseFilter(tokenizer);
        for (TokenFilterFactory filter : filters) {
            stream = filter.create(stream);
        }
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = stream) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
