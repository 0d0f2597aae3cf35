/** The reader site: server-rendered pages over the public API, which it reads through the gateway like any client. */
package io.roundup.web;
