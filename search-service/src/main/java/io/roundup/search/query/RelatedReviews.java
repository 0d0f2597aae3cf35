package io.roundup.search.query;

import java.util.List;

/** Published articles most like a given one, best first; never the article itself. */
record RelatedReviews(List<SearchResults.Hit> hits) {}
