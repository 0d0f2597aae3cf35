/** Background work that runs on a single thread of its own, every so often and on demand. */
package io.roundup.support.work;
