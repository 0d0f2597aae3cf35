/** The catalog's HTTP API: request validation, ETag / If-Match concurrency and problem responses. */
package io.roundup.product.web;
