/** The public API's OpenAPI document, merged from the services' own at request time, and the Swagger UI over it. */
package io.roundup.gateway.docs;
