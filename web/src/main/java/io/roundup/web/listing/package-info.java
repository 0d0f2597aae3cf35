/** Pages that list published roundups: home, an author's, a category's, and the sitemap for crawlers. */
package io.roundup.web.listing;
