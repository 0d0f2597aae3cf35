package io.roundup.e2e;

import io.roundup.e2e.corpus.Corpus;
import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleStatus;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.Money;
import io.roundup.events.Offer;
import io.roundup.events.ProductChanged;
import io.roundup.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A corpus written straight onto the event topics, as the services' relays would announce it (the events module's
 * records and codec, {@link CloudEventHeaders#of} for the headers, keyed by id): search-service's live consumers then
 * index it as they index any publish, and a reindex replays it like the rest. Far faster than the API for 10k or 100k
 * roundups, and it skips article-service and product-service, which is the point: the search benchmark measures search.
 */
final class CorpusOnTopics {

    /** What the relays set beside the CloudEvents headers; the Kafka binder adds its own on the way out. */
    private static final String CONTENT_TYPE = "contentType";

    /** When the catalogue was last changed, as its events say. */
    private static final Instant CATALOGUE_TIME = Instant.parse("2026-11-30T08:00:00Z");

    private final String bootstrap;
    private final EventCodec codec = new EventCodec();

    CorpusOnTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every product, as {@code roundup.product.v1} at revision 1. */
    int writeProducts(Corpus corpus) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (Corpus.Product product : corpus.products()) {
                send(
                        producer,
                        Topics.PRODUCTS,
                        product.id(),
                        productEvent(product),
                        CloudEventHeaders.PRODUCT_SERVICE_SOURCE,
                        failure);
            }
            producer.flush();
            check(failure);
            return corpus.products().size();
        }
    }

    /** Every roundup, published, as {@code roundup.article.v1} at revision 2 (created, then published). */
    int writeRoundups(Corpus corpus) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (int i = 0; i < corpus.size(); i++) {
                ArticleChanged event = roundupEvent(corpus, i);
                send(
                        producer,
                        Topics.ARTICLES,
                        event.articleId(),
                        event,
                        CloudEventHeaders.ARTICLE_SERVICE_SOURCE,
                        failure);
                check(failure);
            }
            producer.flush();
            check(failure);
            return corpus.size();
        }
    }

    /** Roundups already encoded ({@link #encodedRoundups}), as {@link #writeRoundups} writes them, as fast as Kafka takes them. */
    int writeEncoded(List<Encoded> roundups) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (Encoded roundup : roundups) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                        Topics.ARTICLES, roundup.id().getBytes(StandardCharsets.UTF_8), roundup.payload());
                headers(roundup.id(), EventType.ARTICLE_CHANGED_V1, CloudEventHeaders.ARTICLE_SERVICE_SOURCE)
                        .forEach(record.headers()::add);
                producer.send(record, (metadata, ex) -> {
                    if (ex != null) {
                        failure.compareAndSet(null, ex);
                    }
                });
                check(failure);
            }
            producer.flush();
            check(failure);
            return roundups.size();
        }
    }

    /** A roundup's event as its payload bytes, so that a benchmark can generate a corpus first and time only its writing. */
    record Encoded(String id, byte[] payload) {}

    List<Encoded> encodedRoundups(Corpus corpus) {
        List<Encoded> encoded = new java.util.ArrayList<>(corpus.size());
        for (int i = 0; i < corpus.size(); i++) {
            ArticleChanged event = roundupEvent(corpus, i);
            encoded.add(new Encoded(event.articleId(), codec.write(event)));
        }
        return encoded;
    }

    /** A product of the corpus as product-service would announce it. */
    static ProductChanged productEvent(Corpus.Product product) {
        return new ProductChanged(
                product.id(),
                1,
                CATALOGUE_TIME,
                product.name(),
                product.kind(),
                product.brand(),
                product.attributes(),
                product.offers().stream()
                        .map(o -> new Offer(o.retailer(), o.url(), new Money(o.amount(), o.currency())))
                        .toList(),
                null);
    }

    /** The {@code i}th roundup of the corpus, published, as article-service would announce it. */
    static ArticleChanged roundupEvent(Corpus corpus, int i) {
        List<Corpus.Product> products = corpus.products();
        Corpus.Roundup roundup = corpus.roundup(i);
        ArticleContent content = new ArticleContent(
                roundup.title(),
                roundup.summary(),
                roundup.category(),
                roundup.tags(),
                new ArticleContent.Author(
                        roundup.author().name(), roundup.author().bio()),
                roundup.intro(),
                roundup.entries().stream()
                        .map(e -> new ArticleContent.Entry(
                                e.rank(),
                                products.get(e.product()).id(),
                                e.heading(),
                                e.body(),
                                e.features().stream()
                                        .map(f -> new ArticleContent.Feature(f.name(), f.description()))
                                        .toList()))
                        .toList(),
                roundup.sections().stream()
                        .map(s -> new ArticleContent.Section(s.heading(), s.body()))
                        .toList());
        return new ArticleChanged(
                roundup.id(),
                2,
                roundup.publishedAt(),
                ArticleStatus.PUBLISHED,
                roundup.slug(),
                roundup.publishedAt(),
                content);
    }

    /**
     * The header names on the first record of a topic that a service wrote (the demo content's), beside the ones this
     * class writes, so a run shows whether the two still agree.
     */
    Map<String, Set<String>> headerNames(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<String> service = new TreeSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (service.isEmpty() && System.nanoTime() < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    for (Header header : record.headers()) {
                        service.add(header.key());
                    }
                    break;
                }
            }
        }
        Set<String> ours =
                new TreeSet<>(headers("x", EventType.PRODUCT_CHANGED_V1, "x").keySet());
        return Map.of("service", service, "corpus", ours);
    }

    private void send(
            KafkaProducer<byte[], byte[]> producer,
            String topic,
            String id,
            Object event,
            String source,
            AtomicReference<Exception> failure) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8), codec.write(event));
        headers(id, EventType.of(event), source).forEach(record.headers()::add);
        producer.send(record, (metadata, ex) -> {
            if (ex != null) {
                failure.compareAndSet(null, ex);
            }
        });
    }

    private static Map<String, byte[]> headers(String id, EventType type, String source) {
        Map<String, byte[]> headers = new LinkedHashMap<>(
                CloudEventHeaders.of(UUID.randomUUID().toString(), type, source, id, Instant.now(), null));
        headers.put(CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        return new KafkaProducer<>(config);
    }

    private static void check(AtomicReference<Exception> failure) {
        if (failure.get() != null) {
            throw new AssertionError("Kafka refused a corpus event: " + failure.get(), failure.get());
        }
    }

    static String describe(Map<String, Set<String>> names) {
        return names.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
