/** Keeps a request's trace with the work it leaves behind, so a later thread continues that trace. */
package io.roundup.support.tracing;
