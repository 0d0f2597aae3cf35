package io.roundup.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class MongoContainerIT {

    @Test
    void containerStoresDocumentsAndKeepsThemAcrossARestart() {
        try (MongoServer mongo = MongoServer.start(MongoSettings.defaults().withMode(MongoSettings.Mode.CONTAINER));
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(mongo.isEmbedded()).isFalse();
            MongoCollection<Document> articles = client.getDatabase("test").getCollection("articles");
            articles.insertOne(new Document("_id", "a1"));

            mongo.stop();
            mongo.start();

            assertThat(articles.countDocuments()).isEqualTo(1);
        }
    }
}
