/** The roundup page: ranked entries, reviews rendered from Markdown and sanitized, offers and structured data. */
package io.roundup.web.review;
