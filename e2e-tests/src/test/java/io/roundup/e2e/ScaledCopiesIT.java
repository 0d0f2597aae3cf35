package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Operators' promise, checked from outside: with two copies each of article-, product- and search-service
 * ({@code ./roundup up --scale …=2}), a few hundred articles are published, edited, unpublished and scheduled through
 * the gateway while one copy of each service is killed with SIGKILL. Afterwards every published article is found in
 * search exactly once at its latest public revision, nothing unpublished is, every scheduled article was published
 * once, reads through the gateway kept being answered (failures allowed only just after the kill, while the dead
 * copies could still be in rotation), and the surviving copies hold every partition of their consumer groups.
 *
 * <p>This class starts a platform of its own (other ports, its own data) and stops it when done; the shared launch of
 * the other end-to-end classes runs one copy of each service.
 */
class ScaledCopiesIT {

    private static final int ARTICLES = 240;

    private static final int WRITERS = 4;

    /** How long after the kill a read may still fail: a dead copy leaves the rotation within a few seconds. */
    private static final Duration FAILURE_WINDOW = Duration.ofSeconds(10);

    private static final List<String> KILLED = List.of("article-service", "product-service-2", "search-service-2");

    /** What each group consumes. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "search-service", List.of("roundup.articles", "roundup.products"),
            "article-service", List.of("roundup.products"),
            "product-service", List.of("roundup.articles"));

    private static LaunchedRoundup roundup;
    private static Gateway gateway;
    private static String token;

    private final String run = "scale" + Long.toString(System.nanoTime() % 1_000_000, 36);
    private final String author = "Copy Tester " + run;
    private final List<String> productIds = new ArrayList<>();
    private final AtomicInteger writeRetries = new AtomicInteger();

    @BeforeAll
    static void launch() throws IOException {
        Path projectDir = Path.of(System.getProperty("roundup.project-dir", ".."))
                .toAbsolutePath()
                .normalize();
        roundup = LaunchedRoundup.start(
                projectDir,
                "e2e-" + UUID.randomUUID(),
                List.of(
                        "--scale", "article-service=2",
                        "--scale", "product-service=2",
                        "--scale", "search-service=2"),
                Map.of(
                        "ROUNDUP_SEED_DEMO", "false",
                        // one test client writes far more than a person would; the limits are not what is tested
                        "ROUNDUP_RATELIMIT_READS_REQUESTS", "1000000",
                        "ROUNDUP_RATELIMIT_WRITES_REQUESTS", "1000000"),
                // seven service JVMs, in two waves (the first copies, then the others)
                Duration.ofMinutes(8));
        System.out.printf(
                "[e2e] ./roundup up --scale ×2: platform up in %.1f s%n",
                roundup.startedIn().toMillis() / 1e3);
        gateway = new Gateway(roundup.gatewayUri());
        token = gateway.token("editor", roundup.editorPassword());
    }

    @AfterAll
    static void stop() {
        if (roundup != null) {
            roundup.stopLeavingNothingBehind("after the scaled run");
        }
    }

    @Test
    void nothingIsLostOrDoubledWhenOneCopyOfEachServiceIsKilled() throws Exception {
        assertThat(roundup.console())
                .contains("search-service (2 copies)")
                .contains("search-service-2 ready in", "article-service-2 ready in", "product-service-2 ready in");
        for (int i = 0; i < 4; i++) {
            Gateway.Response product = gateway.post("/api/products", token, product(i, "49.00"));
            assertThat(product.status()).as(product.body()).isEqualTo(201);
            productIds.add(product.json().get("id").asString());
        }
        Written canary = create(-1);
        publish(canary);
        canary.expectTitle = canary.title;

        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, roundup.kafkaBootstrapServers()))) {
            Map<String, Integer> membersBefore = new HashMap<>();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        for (String group : GROUPS.keySet()) {
                            ConsumerGroupDescription description = describe(admin, group);
                            assertThat(description.groupState()).as(group).isEqualTo(GroupState.STABLE);
                            assertThat(description.members().size())
                                    .as(group + ": the same consumers in each of the two copies")
                                    .isPositive()
                                    .isEven();
                            membersBefore.put(group, description.members().size());
                        }
                    });

            Reader reader = new Reader(canary.id);
            Thread reading = Thread.ofPlatform().name("e2e-reader").start(reader);
            List<Written> written;
            Instant killing;
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                AtomicInteger next = new AtomicInteger();
                ConcurrentLinkedQueue<Written> done = new ConcurrentLinkedQueue<>();
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    running.add(writers.submit(() -> {
                        for (int i = next.getAndIncrement(); i < ARTICLES; i = next.getAndIncrement()) {
                            done.add(writeOne(i));
                        }
                        return null;
                    }));
                }
                await().atMost(Duration.ofMinutes(3)).until(() -> done.size() >= ARTICLES / 3);
                killing = Instant.now();
                for (String copy : KILLED) {
                    roundup.serviceProcess(copy).destroyForcibly(); // SIGKILL
                }
                System.out.printf("[e2e] SIGKILL to %s after %d articles%n", KILLED, done.size());
                for (Future<?> writer : running) {
                    writer.get(5, TimeUnit.MINUTES);
                }
                Gateway.Response priced = priceChange(productIds.getFirst(), "39.00");
                assertThat(priced.status()).as(priced.body()).isEqualTo(200);
                written = List.copyOf(done);
            } finally {
                writers.shutdownNow();
            }
            Thread.sleep(Duration.ofSeconds(2)); // reads after the last write, too
            reader.stop();
            reading.join();

            Instant killedAt = killing;
            List<Instant> failures = reader.failures();
            List<Instant> outsideWindow = failures.stream()
                    .filter(at -> at.isBefore(killedAt) || at.isAfter(killedAt.plus(FAILURE_WINDOW)))
                    .toList();
            System.out.printf(
                    "[e2e] reads through the gateway: %d, failed %d (%d more than %d s after the kill); writes sent"
                            + " again after a failure: %d%n",
                    reader.reads(),
                    failures.size(),
                    outsideWindow.size(),
                    FAILURE_WINDOW.toSeconds(),
                    writeRetries.get());
            reader.failureDetails().forEach(failure -> System.out.println("[e2e]   failed read: " + failure));
            assertThat(reader.reads()).isGreaterThan(50);
            assertThat(outsideWindow)
                    .as("reads that failed outside the moments after the kill: " + reader.failureDetails())
                    .isEmpty();

            List<Written> all = new ArrayList<>(written);
            all.add(canary);
            Instant lastSchedule = all.stream()
                    .map(w -> w.scheduledFor)
                    .filter(Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(Instant.now());
            Map<String, String> expected = new HashMap<>();
            all.stream().filter(w -> w.expectTitle != null).forEach(w -> expected.put(w.id, w.expectTitle));
            await().atMost(Duration.between(Instant.now(), lastSchedule).plusSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        List<JsonNode> hits = searchAll();
                        List<String> ids =
                                hits.stream().map(h -> h.get("id").asString()).toList();
                        assertThat(ids).as("each article found once").doesNotHaveDuplicates();
                        Map<String, String> found = new HashMap<>();
                        hits.forEach(h ->
                                found.put(h.get("id").asString(), h.get("title").asString()));
                        assertThat(found)
                                .as("published articles in search, at their latest public revision")
                                .containsExactlyInAnyOrderEntriesOf(expected);
                    });

            for (Written scheduled : all) {
                if (scheduled.scheduledFor == null) {
                    continue;
                }
                JsonNode article =
                        gateway.get("/api/articles/" + scheduled.id, token).json();
                assertThat(article.get("status").asString()).as(scheduled.slug).isEqualTo("PUBLISHED");
                assertThat(article.get("revision").asLong())
                        .as(scheduled.slug + " published on schedule exactly once")
                        .isEqualTo(scheduled.revision + 1);
                assertThat(scheduleLogLines(scheduled.id)).as(scheduled.slug).isLessThanOrEqualTo(1);
            }

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                            assertSurvivorsHoldEveryPartition(admin, group.getKey(), group.getValue(), membersBefore);
                        }
                    });
        }
    }

    /** Writes article i as its kind asks and returns what search should show of it. */
    private Written writeOne(int i) {
        Written article = create(i);
        switch (i % 10) {
            case 0 -> {} // a draft: never in search
            case 1 -> {
                publish(article);
                unpublish(article);
            }
            case 2 -> schedule(article, Instant.now().plusSeconds(8));
            case 3, 4, 5 -> {
                publish(article);
                edit(article, article.title + " edition 2");
                publish(article);
                article.expectTitle = article.title;
            }
            case 6 -> {
                publish(article);
                String published = article.title;
                edit(article, article.title + " unpublished edit");
                article.expectTitle = published; // an edit that is not published never reaches search
            }
            default -> {
                publish(article);
                article.expectTitle = article.title;
            }
        }
        return article;
    }

    private Written create(int i) {
        Written article = new Written();
        article.slug = run + "-" + (i < 0 ? "canary" : Integer.toString(i));
        article.title = "Copies " + run + " roundup number " + i;
        Gateway.Response created = write(
                "create " + article.slug,
                () -> gateway.post("/api/articles", token, body(article, i)),
                () -> gateway.get("/api/articles/by-slug/" + article.slug, token)
                                .status()
                        == 200,
                201);
        JsonNode state = created != null
                ? created.json()
                : gateway.get("/api/articles/by-slug/" + article.slug, token).json();
        article.id = state.get("id").asString();
        article.revision = state.get("revision").asLong();
        return article;
    }

    private void publish(Written article) {
        long before = article.revision;
        changed(
                article,
                write(
                        "publish " + article.slug,
                        () -> gateway.post("/api/articles/" + article.id + "/publish", token, "{}"),
                        () -> current(article).get("revision").asLong() > before,
                        200));
    }

    private void unpublish(Written article) {
        long before = article.revision;
        changed(
                article,
                write(
                        "unpublish " + article.slug,
                        () -> gateway.post("/api/articles/" + article.id + "/unpublish", token, "{}"),
                        () -> current(article).get("revision").asLong() > before,
                        200));
    }

    private void schedule(Written article, Instant at) {
        long before = article.revision;
        changed(
                article,
                write(
                        "schedule " + article.slug,
                        () -> gateway.post(
                                "/api/articles/" + article.id + "/publish", token, Map.of("at", at.toString())),
                        () -> current(article).get("revision").asLong() > before,
                        200));
        article.scheduledFor = at;
        article.expectTitle = article.title;
    }

    private void edit(Written article, String title) {
        long before = article.revision;
        article.title = title;
        changed(
                article,
                write(
                        "edit " + article.slug,
                        () -> gateway.put("/api/articles/" + article.id, token, "\"" + before + "\"", body(article, 0)),
                        () -> current(article).get("revision").asLong() > before,
                        200));
    }

    /** Takes the new revision from the answer, or from the article when the answer was lost. */
    private void changed(Written article, Gateway.Response answer) {
        article.revision = (answer != null ? answer.json() : current(article))
                .get("revision")
                .asLong();
    }

    private JsonNode current(Written article) {
        return gateway.get("/api/articles/" + article.id, token).json();
    }

    /**
     * Sends a write; when it fails because a copy died under it (502/503/504, or no answer), checks whether it took
     * effect before sending it again, so that nothing is applied twice. Returns the answer, or null when a lost
     * answer's write turned out to have been applied.
     */
    private Gateway.Response write(String what, Supplier<Gateway.Response> send, BooleanSupplier applied, int ok) {
        for (int attempt = 1; attempt <= 20; attempt++) {
            Gateway.Response answer;
            try {
                answer = send.get();
            } catch (AssertionError unreachable) {
                answer = null;
            }
            if (answer != null && answer.status() == ok) {
                return answer;
            }
            if (answer != null && answer.status() < 500) {
                throw new AssertionError(what + " refused: " + answer);
            }
            writeRetries.incrementAndGet();
            pause(Duration.ofMillis(500));
            if (appliedSafely(applied)) {
                return null;
            }
        }
        throw new AssertionError(what + " failed 20 times");
    }

    private static boolean appliedSafely(BooleanSupplier applied) {
        for (int attempt = 1; attempt <= 20; attempt++) {
            try {
                return applied.getAsBoolean();
            } catch (RuntimeException | AssertionError ex) {
                pause(Duration.ofMillis(500));
            }
        }
        throw new AssertionError("could not tell whether a write was applied");
    }

    private Map<String, Object> body(Written article, int i) {
        return Map.of(
                "title",
                article.title,
                "slug",
                article.slug,
                "summary",
                "One of many roundups written while copies of the services come and go.",
                "category",
                "Gear",
                "tags",
                List.of("copies", run),
                "author",
                Map.of("name", author, "bio", "Writes a great deal, quickly."),
                "intro",
                "An article to count.",
                "entries",
                List.of(Map.of(
                        "rank",
                        1,
                        "productId",
                        productIds.get(Math.floorMod(i, productIds.size())),
                        "heading",
                        "The pick",
                        "body",
                        "It does the job.",
                        "features",
                        List.of(Map.of("name", "Size", "description", "Small")))));
    }

    private Map<String, Object> product(int i, String price) {
        return Map.of(
                "name",
                "Copies " + run + " lamp " + i,
                "kind",
                "gear",
                "brand",
                "Copies",
                "attributes",
                Map.of("bulb", "LED"),
                "offers",
                List.of(Map.of(
                        "retailer",
                        "Corner Shop",
                        "url",
                        "https://shop.example.com/lamp-" + i,
                        "price",
                        Map.of("amount", price, "currency", "USD"))));
    }

    private Gateway.Response priceChange(String productId, String price) {
        Gateway.Response current = gateway.get("/api/products/" + productId, token);
        int i = productIds.indexOf(productId);
        return gateway.put("/api/products/" + productId, token, current.etag(), product(i, price));
    }

    /** Every hit of this run's author, page by page. */
    private List<JsonNode> searchAll() {
        List<JsonNode> hits = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/search?size=100&author=" + author.replace(" ", "%20")
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Gateway.Response page = gateway.get(path);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode json = page.json();
            json.get("hits").forEach(hits::add);
            JsonNode nextCursor = json.get("nextCursor");
            cursor = nextCursor == null || nextCursor.isNull() ? null : nextCursor.asString();
        } while (cursor != null);
        return hits;
    }

    /** How many copies of article-service logged that they published this article on schedule. */
    private static long scheduleLogLines(String id) throws IOException {
        long lines = 0;
        try (Stream<Path> logs = Files.list(roundup.dataDir().resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("article-service"))
                    .toList()) {
                try (Stream<String> content = Files.lines(log)) {
                    lines += content.filter(line -> line.contains("Published article " + id + " as scheduled"))
                            .count();
                }
            }
        }
        return lines;
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    }

    /**
     * The killed copy's consumers have left (half the members remain: each copy runs the same consumers) and the
     * survivors' assignments cover every partition of every topic the group reads, whatever their number.
     */
    private static void assertSurvivorsHoldEveryPartition(
            Admin admin, String group, List<String> topics, Map<String, Integer> membersBefore) throws Exception {
        ConsumerGroupDescription description = describe(admin, group);
        assertThat(description.groupState()).as(group).isEqualTo(GroupState.STABLE);
        assertThat(description.members()).as(group + " members").hasSize(membersBefore.get(group) / 2);
        Set<TopicPartition> all = new HashSet<>();
        for (TopicDescription topic :
                admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> all.add(new TopicPartition(topic.name(), p.partition())));
        }
        Set<TopicPartition> held = new HashSet<>();
        for (MemberDescription member : description.members()) {
            held.addAll(member.assignment().topicPartitions());
        }
        assertThat(held).as(group + ": partitions held by the survivors").containsAll(all);
        System.out.printf(
                "[e2e] %s: %d partitions held by %d consumers%n",
                group, all.size(), description.members().size());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** One article as written, and what search should show of it. */
    private static final class Written {
        String id;
        String slug;
        String title;
        long revision;
        /** The title search should show, or null when search must not find it. */
        volatile String expectTitle;

        Instant scheduledFor;
    }

    /** Public reads through the gateway, over and over, counting the ones that fail. */
    private final class Reader implements Runnable {

        private final String articleId;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger reads = new AtomicInteger();
        private final ConcurrentLinkedQueue<Instant> failures = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> details = new ConcurrentLinkedQueue<>();

        Reader(String articleId) {
            this.articleId = articleId;
        }

        @Override
        public void run() {
            List<String> paths = List.of(
                    "/api/search?size=5&author=" + author.replace(" ", "%20"),
                    "/api/articles/" + articleId,
                    "/api/products/" + productIds.getFirst(),
                    "/api/search?q=roundup&size=5");
            for (int i = 0; running.get(); i++) {
                String path = paths.get(i % paths.size());
                try {
                    Gateway.Response answer = gateway.get(path);
                    if (answer.status() != 200) {
                        failed(path + " → " + answer.status() + " " + answer.body());
                    }
                } catch (AssertionError unreachable) {
                    failed(path + " → " + unreachable.getMessage());
                }
                reads.incrementAndGet();
                pause(Duration.ofMillis(20));
            }
        }

        private void failed(String detail) {
            failures.add(Instant.now());
            details.add(Instant.now() + " " + detail);
        }

        void stop() {
            running.set(false);
        }

        int reads() {
            return reads.get();
        }

        List<Instant> failures() {
            return List.copyOf(failures);
        }

        List<String> failureDetails() {
            return List.copyOf(details);
        }
    }
}
