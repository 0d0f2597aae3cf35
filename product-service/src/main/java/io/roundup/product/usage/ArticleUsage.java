package io.roundup.product.usage;

import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One article as its last event said, reduced to what the catalog cares about.
 *
 * @param id the article id
 * @param revision the article revision this line reflects; older events change nothing
 * @param published whether readers can see the article
 * @param title the published title, for the 409 answer
 * @param slug the article's slug
 * @param productIds the products its published entries name
 */
record ArticleUsage(
        @Id String id, long revision, boolean published, String title, String slug, List<String> productIds) {

    static final String COLLECTION = "articleUsage";
}
