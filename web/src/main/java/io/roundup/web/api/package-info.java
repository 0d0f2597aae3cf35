/** The public API as the site reads it: one client with bounded timeouts and the shapes of its answers. */
package io.roundup.web.api;
