/** Request ids and RFC 9457 problem responses, the same in every service. */
package io.roundup.support.web;
