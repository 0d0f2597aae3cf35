package io.roundup.article.catalog;

import io.roundup.article.ArticleSettings;
import io.roundup.article.ProductCard;
import io.roundup.article.ProductDirectory;
import io.roundup.events.ProductChanged;
import io.roundup.events.ProductEvent;
import io.roundup.events.ProductRemoved;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The catalog view, in this service's own MongoDB: one line per product, written only by newer revisions, so
 * duplicate and late events change nothing. Asked about a product it has not heard of, it waits a moment, since the
 * event of a product created just before may still be on its way.
 */
@Component
class KnownProducts implements ProductDirectory {

    private static final Logger log = LoggerFactory.getLogger(KnownProducts.class);

    private static final Duration POLL = Duration.ofMillis(100);

    private final MongoOperations mongo;

    private final Duration patience;

    KnownProducts(MongoOperations mongo, ArticleSettings settings) {
        this.mongo = mongo;
        this.patience = settings.productPatience();
    }

    /** Applies a product event unless the view already holds that revision or a newer one. */
    void apply(ProductEvent event) {
        KnownProduct next = switch (event) {
            case ProductChanged changed ->
                new KnownProduct(
                        changed.productId(),
                        changed.revision(),
                        changed.name(),
                        changed.kind(),
                        changed.brand(),
                        offers(changed),
                        false);
            case ProductRemoved removed ->
                new KnownProduct(removed.productId(), removed.revision(), null, null, null, List.of(), true);
        };
        Query olderOrAbsent =
                Query.query(Criteria.where("_id").is(next.id()).and("revision").lt(next.revision()));
        Update update = new Update()
                .set("revision", next.revision())
                .set("name", next.name())
                .set("kind", next.kind())
                .set("brand", next.brand())
                .set("offers", next.offers())
                .set("removed", next.removed());
        try {
            mongo.upsert(olderOrAbsent, update, KnownProduct.class, KnownProduct.COLLECTION);
            log.info(
                    "Catalog view: product {} at revision {}{}",
                    next.id(),
                    next.revision(),
                    next.removed() ? " (removed)" : "");
        } catch (DuplicateKeyException ex) {
            // the view holds this revision or a newer one: the event is a duplicate or came late
            log.debug(
                    "Catalog view: product {} revision {} is not newer than what is known", next.id(), next.revision());
        }
    }

    @Override
    public Set<String> unknown(Collection<String> productIds) {
        Instant deadline = Instant.now().plus(patience);
        Set<String> unknown = missing(productIds);
        while (!unknown.isEmpty() && !anyRemoved(unknown) && Instant.now().isBefore(deadline)) {
            sleep();
            unknown = missing(unknown);
        }
        return unknown;
    }

    @Override
    public Map<String, ProductCard> cards(Collection<String> productIds) {
        Map<String, ProductCard> cards = new LinkedHashMap<>();
        mongo.find(
                        Query.query(Criteria.where("_id")
                                .in(new LinkedHashSet<>(productIds))
                                .and("removed")
                                .is(false)),
                        KnownProduct.class,
                        KnownProduct.COLLECTION)
                .forEach(p -> cards.put(p.id(), new ProductCard(p.id(), p.name(), p.kind(), p.brand(), p.offers())));
        return cards;
    }

    private static List<ProductCard.Offer> offers(ProductChanged changed) {
        return changed.offers() == null
                ? List.of()
                : changed.offers().stream()
                        .map(o -> new ProductCard.Offer(
                                o.retailer(),
                                o.url(),
                                new ProductCard.Price(
                                        o.price().amount(), o.price().currency())))
                        .toList();
    }

    /** Ids with no line, or whose line says the product was removed. */
    private Set<String> missing(Collection<String> productIds) {
        Set<String> wanted = new LinkedHashSet<>(productIds);
        List<KnownProduct> known = mongo.find(
                Query.query(Criteria.where("_id").in(wanted).and("removed").is(false)),
                KnownProduct.class,
                KnownProduct.COLLECTION);
        known.forEach(product -> wanted.remove(product.id()));
        return wanted;
    }

    /** A removed product will not come back by waiting. */
    private boolean anyRemoved(Set<String> productIds) {
        return mongo.exists(
                Query.query(Criteria.where("_id").in(productIds).and("removed").is(true)),
                KnownProduct.class,
                KnownProduct.COLLECTION);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
