/** The articles HTTP API: JSON shapes, conditional requests (ETag / If-Match) and problem responses. */
package io.roundup.article.web;
