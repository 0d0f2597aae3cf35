/** The search page: the URL is the search, rendered on the server, with an HTML fragment for instant search. */
package io.roundup.web.search;
