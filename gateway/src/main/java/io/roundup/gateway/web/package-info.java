/** Request ids, access logging, body size limits and the problem+json answers for every error the gateway produces. */
package io.roundup.gateway.web;
