package io.roundup.search.indexed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to force the next refresh of the review alias. A sparse write (an editor's publish, a few a second) is refreshed
 * right after its bulk, at most one refresh per {@code sparseSpacing}, so that readers find it in tens of milliseconds
 * rather than after the index's own interval. When writes are dense ({@code denseDocuments} or more written within
 * the last {@code window}: a replay, a bulk load, a burst of publishes) the index's own refresh interval already makes
 * them visible about as soon, and a forced refresh per batch would only cut the bulks' segments small and cost merges:
 * then the next forced refresh (still needed to know what to announce, and nearly free once the index refreshed by
 * itself) waits until {@code denseSpacing} after the last one.
 *
 * <p>Not thread-safe: the caller holds its own lock.
 */
final class RefreshPacing {

    private final Duration sparseSpacing;
    private final Duration denseSpacing;
    private final int denseDocuments;
    private final Duration window;

    /** (time in ms, documents) of each recent bulk, oldest first, none older than the window. */
    private final Deque<long[]> recent = new ArrayDeque<>();

    private long recentDocuments;

    RefreshPacing(Duration sparseSpacing, Duration denseSpacing, int denseDocuments, Duration window) {
        this.sparseSpacing = sparseSpacing;
        this.denseSpacing = denseSpacing;
        this.denseDocuments = denseDocuments;
        this.window = window;
    }

    static RefreshPacing of(IndexedSettings settings) {
        return new RefreshPacing(
                settings.spacing(), settings.denseSpacing(), settings.denseDocuments(), settings.denseWindow());
    }

    /** A bulk wrote {@code documents} at {@code nowMillis}. */
    void written(int documents, long nowMillis) {
        forgetBefore(nowMillis);
        recent.addLast(new long[] {nowMillis, documents});
        recentDocuments += documents;
    }

    /** Whether the writes of the last window count as dense. */
    boolean dense(long nowMillis) {
        forgetBefore(nowMillis);
        return recentDocuments >= denseDocuments;
    }

    /** How long from {@code nowMillis} until the next refresh may be forced, the last one forced at {@code lastRefreshMillis}. */
    Duration delay(long nowMillis, long lastRefreshMillis) {
        Duration spacing = dense(nowMillis) ? denseSpacing : sparseSpacing;
        long left = lastRefreshMillis + spacing.toMillis() - nowMillis;
        return left > 0 ? Duration.ofMillis(left) : Duration.ZERO;
    }

    private void forgetBefore(long nowMillis) {
        long oldest = nowMillis - window.toMillis();
        while (!recent.isEmpty() && recent.peekFirst()[0] <= oldest) {
            recentDocuments -= recent.removeFirst()[1];
        }
    }
}
