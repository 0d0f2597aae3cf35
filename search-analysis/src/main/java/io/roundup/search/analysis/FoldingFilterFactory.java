package io.roundup.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * {@code roundup_folding}: folds accented and other non-ASCII letters to ASCII ("crème brûlée" → "creme brulee"), so
 * readers find a dish or a brand whether or not they type its accents.
 */
@NamedComponent("roundup_folding")
public final class FoldingFilterFactory implements TokenFilterFactory {

    /** The filter's settings in the index's analysis definition. */
    @AnalysisSettings
    public interface Settings {

        /** Also keep the unfolded token, at the same position ("crème" gives "creme" and "crème"). */
        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    private final boolean preserveOriginal;

    @Inject
    public FoldingFilterFactory(Settings settings) {
        this.preserveOriginal = settings.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream, preserveOriginal);
    }

    /**
     * Folds the terms of prefix, wildcard and fuzzy queries too (Elasticsearch normalizes those instead of analyzing
     * them), never keeping the original: a normalized term must stay one term.
     */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream);
    }
}
