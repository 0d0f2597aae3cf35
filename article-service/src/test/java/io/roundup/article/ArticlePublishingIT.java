package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.ArticleStatus;
import io.roundup.events.CloudEventHeaders;
import io.roundup.support.outbox.StateRelay;
import io.roundup.support.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The editorial workflow on a real MongoDB and a real Kafka broker, checked from the outside: HTTP in, events out. */
class ArticlePublishingIT extends ArticleServiceHarness {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StateRelay<Article> relay;

    @Test
    void theWholeLifecycleIsAnnouncedAndOnlyPublishedContentEverLeaves() {
        ArticleApi.Response created = api.asEditor(post("/api/articles")
                .header("X-Request-Id", "it-create-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(ArticleApi.body("Quiet Nights, Loud Mixes")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"1\"");
        String id = created.json().get("id").asString();
        assertThat(created.location()).isEqualTo("/api/articles/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");

        ArticleEventsProbe.Received draft = awaitEvent(id, 1);
        assertThat(draft.event()).isInstanceOfSatisfying(ArticleChanged.class, e -> {
            assertThat(e.status()).isEqualTo(ArticleStatus.DRAFT);
            assertThat(e.published()).isNull();
            assertThat(e.slug()).isEqualTo("quiet-nights-loud-mixes");
        });
        assertThat(draft.headers())
                .containsEntry(CloudEventHeaders.SOURCE, "/article-service")
                .containsEntry(CloudEventHeaders.TYPE, "roundup.article.v1")
                .containsEntry(CloudEventHeaders.SUBJECT, id)
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.REQUEST_ID, "it-create-1")
                .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME);

        assertThat(api.readerGet("/api/articles/" + id).status()).isEqualTo(404);
        assertThat(api.readerGet("/api/articles/by-slug/quiet-nights-loud-mixes")
                        .status())
                .isEqualTo(404);
        assertThat(api.editorGet("/api/articles/by-slug/quiet-nights-loud-mixes")
                        .status())
                .isEqualTo(200);

        ArticleApi.Response published = api.publish(id);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.etag()).isEqualTo("\"2\"");
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published(awaitEvent(id, 2)).published().title()).isEqualTo("Quiet Nights, Loud Mixes");
        JsonNode live =
                api.readerGet("/api/articles/by-slug/quiet-nights-loud-mixes").json();
        assertThat(live.get("title").asString()).isEqualTo("Quiet Nights, Loud Mixes");
        assertThat(live.get("intro").asString()).isEqualTo("Mixing at night means **closed backs** & honest mids.");

        ArticleApi.Response edited = api.update(id, "\"2\"", ArticleApi.body("Quieter Nights"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.etag()).isEqualTo("\"3\"");
        assertThat(edited.json().get("hasUnpublishedChanges").asBoolean()).isTrue();
        ArticleChanged afterEdit = published(awaitEvent(id, 3));
        assertThat(afterEdit.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(afterEdit.published().title())
                .as("the edit is not published yet")
                .isEqualTo("Quiet Nights, Loud Mixes");
        assertThat(api.readerGet("/api/articles/" + id).json().get("title").asString())
                .isEqualTo("Quiet Nights, Loud Mixes");
        assertThat(api.editorGet("/api/articles/" + id).json().get("title").asString())
                .isEqualTo("Quieter Nights");
        assertThat(api.editorGet("/api/articles/" + id).json().get("slug").asString())
                .as("the slug is stable across title changes")
                .isEqualTo("quiet-nights-loud-mixes");

        assertThat(api.publish(id).etag()).isEqualTo("\"4\"");
        ArticleChanged republished = published(awaitEvent(id, 4));
        assertThat(republished.published().title()).isEqualTo("Quieter Nights");
        assertThat(republished.publishedAt()).isEqualTo(afterEdit.publishedAt());
        assertThat(api.readerGet("/api/articles/" + id).json().get("title").asString())
                .isEqualTo("Quieter Nights");

        ArticleApi.Response unpublished = api.unpublish(id);
        assertThat(unpublished.json().get("status").asString()).isEqualTo("UNPUBLISHED");
        ArticleChanged gone = (ArticleChanged) awaitEvent(id, 5).event();
        assertThat(gone.status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(gone.published()).isNull();
        assertThat(api.readerGet("/api/articles/" + id).status()).isEqualTo(404);
        assertThat(api.unpublish(id).status())
                .as("unpublishing twice is not a transition")
                .isEqualTo(409);

        assertThat(api.delete(id).status()).isEqualTo(204);
        assertThat(awaitEvent(id, 6).event())
                .isEqualTo(new ArticleRemoved(
                        id, 6, ((ArticleRemoved) awaitEvent(id, 6).event()).removedAt()));
        assertThat(api.editorGet("/api/articles/" + id).status()).isEqualTo(404);
        assertThat(api.delete(id).status()).isEqualTo(404);

        assertThat(events.eventsFor(id)).extracting(r -> r.event().revision()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void slugsAreDerivedFromTheTitleAndKeptUnique() {
        String first = api.createDraft("Crème Brûlée: Top 5!");
        String second = api.createDraft("Crème Brûlée: Top 5!");

        assertThat(api.editorGet("/api/articles/" + first).json().get("slug").asString())
                .isEqualTo("creme-brulee-top-5");
        assertThat(api.editorGet("/api/articles/" + second).json().get("slug").asString())
                .isEqualTo("creme-brulee-top-5-2");

        ArticleApi.Response taken =
                api.create(ArticleApi.body("Anything").replaceFirst("\\{", "{\"slug\": \"creme-brulee-top-5\","));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("errors").get("slug").get(0).asString()).isEqualTo("is already taken");

        ArticleApi.Response chosen =
                api.create(ArticleApi.body("Anything").replaceFirst("\\{", "{\"slug\": \"my-own-slug\","));
        assertThat(chosen.status()).isEqualTo(201);
        assertThat(chosen.json().get("slug").asString()).isEqualTo("my-own-slug");
    }

    @Test
    void refusedWritesAreNeverStoredNorAnnounced() {
        String id = api.createDraft("Refusals");
        awaitEvent(id, 1);

        assertThat(api.update(id, null, ArticleApi.body("No If-Match")).status())
                .isEqualTo(428);
        assertThat(api.update(id, "\"7\"", ArticleApi.body("Stale")).status()).isEqualTo(412);
        assertThat(api.update(id, "\"1\"", ArticleApi.body("")).status()).isEqualTo(400);
        assertThat(api.update(id, "\"1\"", ArticleApi.body("Owned").replaceFirst("\\{", "{\"status\": \"PUBLISHED\","))
                        .status())
                .isEqualTo(400);
        assertThat(api.unpublish(id).status()).isEqualTo(409);
        ArticleApi.Response invalid = api.create("""
                {"title": "Bad", "author": {"name": "Ada"},
                 "entries": [{"rank": 1, "productId": "6650f1c2a1b2c3d4e5f60718", "heading": "ok"},
                             {"rank": 1, "productId": "nope", "heading": ""}]}
                """);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("entries[1].rank", "entries[1].productId", "entries[1].heading");
        assertThat(api.editorGet("/api/articles?size=100")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(item -> item.get("title").asString()))
                .doesNotContain("Bad");

        ArticleApi.Response accepted = api.update(id, "\"1\"", ArticleApi.body("Accepted"));
        assertThat(accepted.etag()).isEqualTo("\"2\"");
        awaitEvent(id, 2);
        assertThat(events.eventsFor(id, Duration.ofSeconds(1)))
                .extracting(r -> r.event().revision())
                .containsExactly(1L, 2L);
        assertThat(api.editorGet("/api/articles/" + id).json().get("title").asString())
                .isEqualTo("Accepted");
    }

    @Test
    void aCrashBetweenTheSaveAndTheSendIsAnnouncedOnceTheRelayRunsAgain() {
        relay.stop();
        String id;
        try {
            id = api.createDraft("Saved While The Relay Was Down");
            Document stored = mongo.getCollection(Article.COLLECTION)
                    .find(new Document("_id", new ObjectId(id)))
                    .first();
            assertThat(stored.getBoolean(StateRelay.PENDING)).isTrue();
            assertThat(events.eventsFor(id, Duration.ofSeconds(2)))
                    .as("nothing can be sent while the relay is down")
                    .isEmpty();
        } finally {
            relay.start();
        }
        awaitEvent(id, 1);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Document stored = mongo.getCollection(Article.COLLECTION)
                    .find(new Document("_id", new ObjectId(id)))
                    .first();
            assertThat(stored.getBoolean(StateRelay.PENDING)).isFalse();
            assertThat(stored.getLong(StateRelay.ANNOUNCED)).isEqualTo(1L);
        });
        assertThat(events.eventsFor(id, Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void readersListPublishedArticlesNewestFirstAndEditorsListAnyStatus() {
        String tag = "list-" + new ObjectId().toHexString();
        String older = api.createDraft("Older Pick");
        String newer = api.createDraft("Newer Pick");
        String draft = api.createDraft("Still A Draft");
        for (String id : List.of(older, newer, draft)) {
            JsonNode article = api.editorGet("/api/articles/" + id).json();
            String body = ArticleApi.body(article.get("title").asString()).replace("\"studio\"", "\"" + tag + "\"");
            assertThat(api.update(id, "\"1\"", body).status()).isEqualTo(200);
        }
        api.publish(older);
        api.publish(newer);

        JsonNode page = api.readerGet("/api/articles?tag=" + tag.toUpperCase()).json();
        assertThat(page.get("items").valueStream().map(i -> i.get("id").asString()))
                .containsExactly(newer, older);
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode drafts = api.editorGet("/api/articles?status=DRAFT&tag=" + tag).json();
        assertThat(drafts.get("items").valueStream().map(i -> i.get("id").asString()))
                .containsExactly(draft);
        assertThat(api.readerGet("/api/articles?status=DRAFT").status()).isEqualTo(401);
        assertThat(api.readerGet("/api/articles?size=0").status()).isEqualTo(400);
    }

    @Test
    void readersFilterByCategoryAndAuthorAndSeeOnlyWhatIsPublished() {
        String unique = new ObjectId().toHexString();
        String category = "Turntables " + unique;
        String ada = "Ada " + unique;
        String bo = "Bo " + unique;
        String adasLive = publishedBy(ada, category, "Ada's Decks");
        String bosLive = publishedBy(bo, category, "Bo's Decks");
        String adasOtherCategory = publishedBy(ada, "Cassettes " + unique, "Ada's Tapes");
        // a draft edit moving Bo's review to Ada must not change what readers find
        String moved =
                ArticleApi.body("Bo's Decks").replace("Ada Marlowe", ada).replace("\"Audio\"", "\"" + category + "\"");
        assertThat(api.update(bosLive, "\"3\"", moved).status()).isEqualTo(200);

        assertThat(ids(api.readerGet("/api/articles?category=" + category.toLowerCase())
                        .json()))
                .containsExactly(bosLive, adasLive);
        assertThat(ids(api.readerGet("/api/articles?author=" + ada.toUpperCase())
                        .json()))
                .as("an author's latest entries, newest first")
                .containsExactly(adasOtherCategory, adasLive);
        assertThat(ids(api.readerGet("/api/articles?author=" + ada + "&category=" + category)
                        .json()))
                .containsExactly(adasLive);
        assertThat(api.readerGet("/api/articles?size=101").status()).isEqualTo(400);

        // the text filter: every word somewhere in the title, summary, category, author or tags, ignoring case
        assertThat(ids(api.readerGet("/api/articles?q=DECKS " + unique).json())).containsExactly(bosLive, adasLive);
        assertThat(ids(api.readerGet("/api/articles?q=tapes ada " + unique).json()))
                .containsExactly(adasOtherCategory);
        assertThat(ids(api.readerGet("/api/articles?q=cassettes " + unique + "&author=" + bo)
                        .json()))
                .isEmpty();
        assertThat(ids(api.editorGet("/api/articles?q=" + unique + " ada").json()))
                .as("editors search the working copies: Bo's review now names Ada")
                .containsExactly(bosLive, adasOtherCategory, adasLive);
        assertThat(ids(api.readerGet("/api/articles?q=" + unique + ".*").json()))
                .as("regular-expression characters are taken literally")
                .isEmpty();

        JsonNode page = api.readerGet("/api/articles/" + adasLive).json();
        assertThat(page.get("authorLatest").valueStream().map(e -> e.get("id").asString()))
                .as("the author's other published articles, under the bio")
                .containsExactly(adasOtherCategory);
        assertThat(page.at("/authorLatest/0/title").asString()).isEqualTo("Ada's Tapes");
    }

    private String publishedBy(String author, String category, String title) {
        String id = api.createDraft(title);
        String body =
                ArticleApi.body(title).replace("Ada Marlowe", author).replace("\"Audio\"", "\"" + category + "\"");
        assertThat(api.update(id, "\"1\"", body).status()).isEqualTo(200);
        assertThat(api.publish(id).status()).isEqualTo(200);
        return id;
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items")
                .valueStream()
                .map(item -> item.get("id").asString())
                .toList();
    }

    @Test
    void everySaveIsARevisionThatCanBeReadAndRestored() {
        String id = api.createDraft("First Words");
        api.update(id, "\"1\"", ArticleApi.body("Second Words"));
        api.update(id, "\"2\"", ArticleApi.body("Third Words"));

        JsonNode history = api.editorGet("/api/articles/" + id + "/revisions").json();
        assertThat(history.get("items").valueStream().map(i -> i.get("revision").asLong()))
                .containsExactly(3L, 2L, 1L);
        assertThat(history.get("items").get(2).get("savedBy").asString()).isEqualTo("ada");
        assertThat(history.get("items").get(2).get("action").asString()).isEqualTo("created");
        assertThat(history.get("items").get(0).has("savedAt")).isTrue();
        assertThat(api.readerGet("/api/articles/" + id + "/revisions").status()).isEqualTo(401);

        JsonNode first = api.editorGet("/api/articles/" + id + "/revisions/1").json();
        assertThat(first.get("title").asString()).isEqualTo("First Words");
        assertThat(api.editorGet("/api/articles/" + id + "/revisions/9").status())
                .isEqualTo(404);

        assertThat(api.asEditor(post("/api/articles/" + id + "/revisions/1/restore"))
                        .status())
                .isEqualTo(428);
        assertThat(api.asEditor(post("/api/articles/" + id + "/revisions/1/restore")
                                .header(HttpHeaders.IF_MATCH, "\"2\""))
                        .status())
                .isEqualTo(412);
        ArticleApi.Response restored = api.asEditor(
                post("/api/articles/" + id + "/revisions/1/restore").header(HttpHeaders.IF_MATCH, "\"3\""));
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.etag()).isEqualTo("\"4\"");
        assertThat(restored.json().get("title").asString()).isEqualTo("First Words");
        assertThat(api.editorGet("/api/articles/" + id + "/revisions")
                        .json()
                        .get("items")
                        .get(0)
                        .get("action")
                        .asString())
                .isEqualTo("restored");
    }

    @Test
    void publishingNamesEachEntryWhoseProductIsNotInTheCatalog() {
        String coming = new ObjectId().toHexString();
        String id = api.createDraft("Two Decks, One Unknown");
        api.update(id, "\"1\"", """
                {"title": "Two Decks, One Unknown", "summary": "s", "category": "Audio", "tags": ["vinyl"],
                 "author": {"name": "Ada Marlowe", "bio": "b"}, "intro": "i",
                 "entries": [{"rank": 1, "productId": "%s", "heading": "Known deck", "body": "b", "features": []},
                             {"rank": 2, "productId": "%s", "heading": "Coming deck", "body": "b", "features": []}],
                 "sections": []}
                """.formatted(Fixtures.PRODUCT_ID, coming));

        ArticleApi.Response refused = api.publish(id);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/entries[1].productId").toString()).contains("Coming deck", coming);
        assertThat(refused.json().get("errors").has("entries[0].productId")).isFalse();
        assertThat(api.editorGet("/api/articles/" + id).json().get("status").asString())
                .isEqualTo("DRAFT");

        catalog.announce(coming, 1); // product-service announces the product: now the article may point at it
        assertThat(api.publish(id).status()).isEqualTo(200);
        JsonNode page = api.readerGet("/api/articles/" + id).json();
        assertThat(page.at("/entries/1/product/name").asString())
                .as("the entry shows its product's card")
                .isEqualTo("Product " + coming);
        assertThat(page.at("/entries/1/product/offers/0/url").asString())
                .isEqualTo("https://shop.example.com/" + coming);

        String gone = new ObjectId().toHexString();
        catalog.announce(gone, 1);
        catalog.remove(gone, 2);
        catalog.announce(gone, 1); // a late duplicate of the older event must not bring the product back
        String sentinel = new ObjectId().toHexString();
        catalog.announce(sentinel, 1); // one partition: once this one is in, so are the three before it
        await().atMost(EVENTUALLY)
                .until(() ->
                        mongo.exists(Query.query(Criteria.where("_id").is(new ObjectId(sentinel))), "catalogProducts"));

        String other = api.createDraft("Pointing at a Removed Deck");
        api.update(other, "\"1\"", ArticleApi.body("Pointing at a Removed Deck").replace(Fixtures.PRODUCT_ID, gone));
        ArticleApi.Response removed = api.publish(other);
        assertThat(removed.status()).isEqualTo(422);
        assertThat(removed.json().at("/errors/entries[0].productId").toString()).contains(gone);
    }

    @Test
    void aNewSlugInAnUnpublishedEditReachesNeitherReadersNorSearch() {
        String id = api.createDraft("Slug Before");
        api.publish(id);
        String withNewSlug = ArticleApi.body("Slug Before, Edited").replaceFirst("\\{", "{\"slug\": \"slug-after\", ");
        assertThat(api.update(id, "\"2\"", withNewSlug).status()).isEqualTo(200);

        assertThat(api.readerGet("/api/articles/by-slug/slug-before")
                        .json()
                        .get("slug")
                        .asString())
                .isEqualTo("slug-before");
        assertThat(api.readerGet("/api/articles/" + id).json().get("slug").asString())
                .isEqualTo("slug-before");
        assertThat(api.readerGet("/api/articles/by-slug/slug-after").status()).isEqualTo(404);
        assertThat(api.editorGet("/api/articles/by-slug/slug-after").status()).isEqualTo(200);
        assertThat(published(awaitEvent(id, 3)).slug())
                .as("search keeps the public slug")
                .isEqualTo("slug-before");

        api.publish(id);
        assertThat(published(awaitEvent(id, 4)).slug()).isEqualTo("slug-after");
        assertThat(api.readerGet("/api/articles/by-slug/slug-after")
                        .json()
                        .get("title")
                        .asString())
                .isEqualTo("Slug Before, Edited");
        assertThat(api.readerGet("/api/articles/by-slug/slug-before")
                        .json()
                        .get("slug")
                        .asString())
                .as("a former slug still leads to the article")
                .isEqualTo("slug-after");
    }

    @Test
    void anUnpublishedArticleCanBePublishedAgain() {
        String id = api.createDraft("Back By Popular Demand");
        api.publish(id);
        api.unpublish(id);
        assertThat(api.readerGet("/api/articles/" + id).status()).isEqualTo(404);

        ArticleApi.Response again = api.publish(id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.readerGet("/api/articles/" + id).json().get("title").asString())
                .isEqualTo("Back By Popular Demand");
        ArticleChanged republished = published(awaitEvent(id, 4));
        assertThat(republished.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(republished.published().title()).isEqualTo("Back By Popular Demand");
    }

    @Test
    void aCancelledScheduleNeverFiresAndLeavesWhatReadersSeeAsItWas() {
        java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofHours(1));
        String id = api.createDraft("Called Off");
        assertThat(api.publishAt(id, later).json().get("status").asString()).isEqualTo("SCHEDULED");
        ArticleApi.Response rescheduled = api.publishAt(id, later.plusSeconds(600));
        assertThat(rescheduled.json().get("scheduledAt").asString())
                .isEqualTo(later.plusSeconds(600)
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                        .toString());

        ArticleApi.Response cancelled =
                api.asEditor(delete("/api/articles/" + id + "/schedule").header(HttpHeaders.IF_MATCH, "\"3\""));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.etag()).isEqualTo("\"4\"");
        assertThat(cancelled.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(cancelled.json().has("scheduledAt")).isFalse();
        assertThat(api.readerGet("/api/articles/" + id).status()).isEqualTo(404);
        assertThat(api.editorGet("/api/articles/" + id + "/revisions")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("action").asString()))
                .containsExactly("unscheduled", "scheduled", "scheduled", "created");

        ArticleApi.Response nothing = api.asEditor(delete("/api/articles/" + id + "/schedule"));
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("detail").asString()).contains("Nothing is scheduled");

        api.publish(id);
        api.update(id, "\"5\"", ArticleApi.body("Called Off, Second Take"));
        assertThat(api.publishAt(id, later).json().get("status").asString()).isEqualTo("PUBLISHED");
        ArticleApi.Response stillLive = api.asEditor(delete("/api/articles/" + id + "/schedule"));
        assertThat(stillLive.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(stillLive.json().get("hasUnpublishedChanges").asBoolean()).isTrue();
        assertThat(api.readerGet("/api/articles/" + id).json().get("title").asString())
                .isEqualTo("Called Off");
    }

    @Test
    void onlyAnAdministratorDeletesALiveArticle() {
        String id = api.createDraft("Live Until an Admin Says So");
        api.publish(id);

        ArticleApi.Response refused = api.delete(id);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("unpublish");
        assertThat(api.readerGet("/api/articles/" + id).status())
                .as("still live")
                .isEqualTo(200);
        assertThat(events.eventsFor(id)).extracting(r -> r.event().revision()).doesNotContain(3L);

        assertThat(api.as(TestTokens.admin("root"), delete("/api/articles/" + id))
                        .status())
                .isEqualTo(204);
        assertThat(awaitEvent(id, 3).event()).isInstanceOf(ArticleRemoved.class);
        assertThat(api.readerGet("/api/articles/" + id).status()).isEqualTo(404);
    }

    @Test
    void editorsRestoreTheirOwnArticlesAndAdministratorsAnyone() {
        String id = api.createDraft("Ada's First Take");
        api.update(id, "\"1\"", ArticleApi.body("Ada's Second Take"));

        ArticleApi.Response byBob = api.as(
                TestTokens.editor("bob"),
                post("/api/articles/" + id + "/revisions/1/restore").header(HttpHeaders.IF_MATCH, "\"2\""));
        assertThat(byBob.status()).isEqualTo(403);
        assertThat(byBob.json().get("detail").asString()).contains("ada");
        assertThat(api.editorGet("/api/articles/" + id).etag())
                .as("nothing changed")
                .isEqualTo("\"2\"");

        ArticleApi.Response byAdmin = api.as(
                TestTokens.admin("root"),
                post("/api/articles/" + id + "/revisions/1/restore").header(HttpHeaders.IF_MATCH, "\"2\""));
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().get("title").asString()).isEqualTo("Ada's First Take");

        ArticleApi.Response byAda = api.asEditor(
                post("/api/articles/" + id + "/revisions/2/restore").header(HttpHeaders.IF_MATCH, "\"3\""));
        assertThat(byAda.status()).isEqualTo(200);
        assertThat(byAda.json().get("title").asString()).isEqualTo("Ada's Second Take");
    }

    @Test
    void aSnapshotLostAfterItsSaveIsRecoveredBeforeThatStateIsGone() {
        String id = api.createDraft("Lost Snapshot");
        api.update(id, "\"1\"", ArticleApi.body("Lost Snapshot, Second"));
        // as if the process died between saving revision 2 and writing its snapshot
        mongo.remove(Query.query(Criteria.where("_id").is(id + ":2")), ArticleRevision.COLLECTION);

        api.update(id, "\"2\"", ArticleApi.body("Lost Snapshot, Third"));

        JsonNode second = api.editorGet("/api/articles/" + id + "/revisions/2").json();
        assertThat(second.get("title").asString()).isEqualTo("Lost Snapshot, Second");
        mongo.remove(Query.query(Criteria.where("_id").is(id + ":3")), ArticleRevision.COLLECTION);
        JsonNode history = api.editorGet("/api/articles/" + id + "/revisions").json();
        assertThat(history.get("items").valueStream().map(i -> i.get("revision").asLong()))
                .containsExactly(3L, 2L, 1L);
        assertThat(history.get("items").get(2).get("action").asString())
                .as("a known action is kept")
                .isEqualTo("created");
    }

    @Test
    void malformedAndUnknownIdsAreNotFound() {
        assertThat(api.readerGet("/api/articles/not-an-object-id").status()).isEqualTo(404);
        assertThat(api.editorGet("/api/articles/" + new ObjectId().toHexString())
                        .status())
                .isEqualTo(404);
        assertThat(api.asReader(get("/api/articles/by-slug/no-such-slug")).status())
                .isEqualTo(404);
        assertThat(api.publish("zzz").status()).isEqualTo(404);
    }

    private ArticleEventsProbe.Received awaitEvent(String id, long revision) {
        return await().atMost(EVENTUALLY)
                .until(
                        () -> events.eventsFor(id).stream()
                                .filter(r -> r.event().revision() == revision)
                                .findFirst()
                                .orElse(null),
                        received -> received != null);
    }

    private static ArticleChanged published(ArticleEventsProbe.Received received) {
        assertThat(received.event()).isInstanceOf(ArticleChanged.class);
        ArticleChanged changed = (ArticleChanged) received.event();
        assertThat(changed.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(changed.published()).isNotNull();
        return changed;
    }
}
