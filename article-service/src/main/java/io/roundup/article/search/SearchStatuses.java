package io.roundup.article.search;

import io.roundup.article.Article;
import io.roundup.article.Articles;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** An article's search status, from this service's own store: the article as it is and what search announced of it. */
@Service
public class SearchStatuses {

    private final Articles articles;
    private final IndexedArticles view;
    private final Clock clock;

    SearchStatuses(Articles articles, IndexedArticles view, Clock clock) {
        this.articles = articles;
        this.view = view;
        this.clock = clock;
    }

    /** Also for a deleted article (whether it is gone); {@link io.roundup.article.ArticleNotFound} for an unknown id. */
    public SearchStatus of(String articleId) {
        Article article = articles.getEvenDeleted(articleId);
        return SearchStatus.of(article, view.find(article.id()).orElse(null), clock.instant());
    }
}
