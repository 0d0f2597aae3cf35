package io.roundup.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code roundup_possessive}: drops a trailing {@code 's} ("Mara's" → "Mara"), so that a name finds its possessive. */
@NamedComponent("roundup_possessive")
public final class PossessiveFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new EnglishPossessiveFilter(tokenStream);
    }
}
