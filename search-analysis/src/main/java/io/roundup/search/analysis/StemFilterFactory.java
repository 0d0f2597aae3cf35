package io.roundup.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code roundup_stem}: English stemming with KStem ("headphones" → "headphone", "running" → "run"). KStem stems
 * less aggressively than Porter and yields real words, which keeps unrelated words apart. It expects lower-case input,
 * so it runs after {@code lowercase}.
 */
@NamedComponent("roundup_stem")
public final class StemFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new KStemFilter(tokenStream);
    }
}
