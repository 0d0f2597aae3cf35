package io.roundup.article.search;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * What search-service last announced it shows readers of one article.
 *
 * @param id the article id
 * @param revision the highest article revision search said it holds; older announcements change nothing
 * @param listed whether readers find the article in search at that revision (false: it is gone from search)
 * @param indexedAt when that became visible to readers' searches
 */
record IndexedArticle(@Id String id, long revision, boolean listed, Instant indexedAt) {

    static final String COLLECTION = "searchIndexed";
}
