/** What a copy of a service tells the platform about itself: ready once its consumers have joined, bounded waits on its store. */
package io.roundup.support.lifecycle;
