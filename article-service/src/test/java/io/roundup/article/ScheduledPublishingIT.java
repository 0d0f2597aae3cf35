package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleStatus;
import io.roundup.support.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scheduled publication on real servers. The service's own scheduler is stopped in these tests, so that each test
 * decides which schedulers run and when: as if the service were down, or running in several copies.
 */
class ScheduledPublishingIT extends ArticleServiceHarness {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Autowired
    Articles articles;

    @Autowired
    ArticleSettings settings;

    @Autowired
    ScheduledPublisher scheduler;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @BeforeEach
    void serviceDown() {
        scheduler.stop();
    }

    @AfterEach
    void serviceUp() {
        if (!scheduler.isRunning()) {
            scheduler.start();
        }
    }

    @Test
    void aScheduledPublicationFiresExactlyOnceWhenTwoSchedulersRace() throws Exception {
        String id = api.createDraft("Racing Schedulers");
        Instant at = Instant.now().plusMillis(1500);
        ArticleApi.Response scheduled = api.publishAt(id, at);
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.etag()).isEqualTo("\"2\"");
        assertThat(api.readerGet("/api/articles/" + id).status()).isEqualTo(404);
        await().atMost(EVENTUALLY).until(() -> Instant.now().isAfter(at));

        ScheduledPublisher one = new ScheduledPublisher(articles, settings);
        ScheduledPublisher two = new ScheduledPublisher(articles, settings);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> sweeps = List.of(one, two).stream()
                    .map(publisher -> CompletableFuture.supplyAsync(
                            () -> {
                                awaitLatch(go);
                                return publisher.sweep();
                            },
                            threads))
                    .toList();
            go.countDown();
            int published = sweeps.stream().mapToInt(CompletableFuture::join).sum();
            assertThat(published).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }

        assertThat(api.readerGet("/api/articles/" + id).json().get("title").asString())
                .isEqualTo("Racing Schedulers");
        assertThat(api.editorGet("/api/articles/" + id).etag()).isEqualTo("\"3\"");
        await().atMost(EVENTUALLY).until(() -> events.eventsFor(id).size() >= 3);
        List<ArticleChanged> announced = events.eventsFor(id, Duration.ofSeconds(1)).stream()
                .map(r -> (ArticleChanged) r.event())
                .toList();
        assertThat(announced).extracting(ArticleChanged::revision).containsExactly(1L, 2L, 3L);
        assertThat(announced)
                .extracting(ArticleChanged::status)
                .containsExactly(ArticleStatus.DRAFT, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED);
        assertThat(announced.get(2).published().title()).isEqualTo("Racing Schedulers");
        assertThat(announced.get(1).published()).isNull();
    }

    /** Two copies of the whole service on one database, as operators run them: each due article is published once. */
    @Test
    void twoRunningCopiesOfTheServicePublishEachScheduledArticleOnce() {
        scheduler.start();
        // command-line arguments, since they outrank application.yml as the environment variables of a real copy do
        try (ConfigurableApplicationContext secondCopy = new SpringApplicationBuilder(ArticleServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + mongoUri,
                        "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                        "--" + TestTokens.JWK_SET_URI + "=" + TestTokens.NO_KEY_SET,
                        "--roundup.articles.schedule-sweep=100ms",
                        "--logging.level.org.apache.kafka=warn")) {
            assertThat(secondCopy.getBean(ScheduledPublisher.class).isRunning()).isTrue();
            Instant at = Instant.now().plusSeconds(2);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                String id = api.createDraft("Both Copies Race " + i);
                assertThat(api.publishAt(id, at).status()).isEqualTo(200);
                ids.add(id);
            }

            for (String id : ids) {
                await().atMost(EVENTUALLY)
                        .until(() -> api.readerGet("/api/articles/" + id).status() == 200);
            }
            for (String id : ids) {
                assertThat(api.editorGet("/api/articles/" + id).etag())
                        .as("published once: revision 3")
                        .isEqualTo("\"3\"");
                // Both copies relay, so a state may be announced twice and one superseded before its turn: what
                // counts is that the published state is announced and nothing after it.
                await().atMost(EVENTUALLY)
                        .until(() -> events.eventsFor(id).stream()
                                .anyMatch(r -> r.event().revision() == 3));
                List<ArticleChanged> announced = events.eventsFor(id, Duration.ofSeconds(1)).stream()
                        .map(r -> (ArticleChanged) r.event())
                        .toList();
                assertThat(announced)
                        .as("article %s", id)
                        .extracting(ArticleChanged::revision)
                        .doesNotContain(4L);
                assertThat(announced)
                        .filteredOn(e -> e.revision() == 3)
                        .allSatisfy(e -> assertThat(e.status()).isEqualTo(ArticleStatus.PUBLISHED));
                assertThat(api.editorGet("/api/articles/" + id + "/revisions")
                                .json()
                                .get("items")
                                .valueStream()
                                .filter(item -> item.get("action").asString().equals("published on schedule")))
                        .as("one scheduled publication of %s", id)
                        .hasSize(1);
            }
        }
    }

    @Test
    void aPublicationThatFellDueWhileNoSchedulerRanFiresAtStartUp() {
        String id = api.createDraft("Due While Down");
        Instant at = Instant.now().plusMillis(500);
        assertThat(api.publishAt(id, at).json().get("scheduledAt").asString())
                .isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        await().atMost(EVENTUALLY).until(() -> Instant.now().isAfter(at.plusMillis(500)));
        assertThat(api.editorGet("/api/articles/" + id).json().get("status").asString())
                .isEqualTo("SCHEDULED");

        scheduler.start();

        await().atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(api.readerGet("/api/articles/" + id).status())
                                .isEqualTo(200));
        await().atMost(EVENTUALLY)
                .until(() -> events.eventsFor(id).stream()
                        .anyMatch(r -> ((ArticleChanged) r.event()).status() == ArticleStatus.PUBLISHED));
        assertThat(events.eventsFor(id, Duration.ofSeconds(1)).stream()
                        .filter(r -> ((ArticleChanged) r.event()).status() == ArticleStatus.PUBLISHED))
                .hasSize(1);
    }

    @Test
    void anEditScheduledOnAPublishedArticleKeepsTheLiveVersionUntilItFires() {
        String id = api.createDraft("Live Version");
        api.publish(id);
        api.update(id, "\"2\"", ArticleApi.body("Scheduled Edit"));
        Instant at = Instant.now().plusMillis(500);

        ArticleApi.Response scheduled = api.publishAt(id, at);

        assertThat(scheduled.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.readerGet("/api/articles/" + id).json().get("title").asString())
                .isEqualTo("Live Version");
        await().atMost(EVENTUALLY).until(() -> Instant.now().isAfter(at));
        scheduler.start();
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(api.readerGet("/api/articles/" + id)
                                .json()
                                .get("title")
                                .asString())
                        .isEqualTo("Scheduled Edit"));
    }

    @Test
    void unpublishingAScheduledDraftCancelsIt() {
        String id = api.createDraft("Never Mind");
        Instant at = Instant.now().plusMillis(300);
        api.publishAt(id, at);

        assertThat(api.unpublish(id).json().get("status").asString()).isEqualTo("DRAFT");
        await().atMost(EVENTUALLY).until(() -> Instant.now().isAfter(at));
        scheduler.sweep();
        assertThat(api.readerGet("/api/articles/" + id).status()).isEqualTo(404);
        assertThat(api.editorGet("/api/articles/" + id).json().get("status").asString())
                .isEqualTo("DRAFT");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
