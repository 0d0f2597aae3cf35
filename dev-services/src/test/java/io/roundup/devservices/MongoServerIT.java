package io.roundup.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoServerIT {

    @Test
    void sharedServerStoresDocumentsAndKeepsThemAcrossARestart() {
        MongoServer mongo = DevServices.mongo();
        assertThat(DevServices.mongo()).isSameAs(mongo);
        assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());

        try (MongoClient client = client(mongo)) {
            MongoCollection<Document> articles =
                    client.getDatabase("test_shared").getCollection("articles");
            articles.insertOne(new Document("_id", "a1").append("title", "Best headphones"));
            assertThat(articles.find(new Document("_id", "a1")).first()).containsEntry("title", "Best headphones");

            mongo.stop();
            assertThat(mongo.isRunning()).isFalse();
            assertThatThrownBy(() -> articles.countDocuments()).isInstanceOf(MongoException.class);

            mongo.start();
            assertThat(articles.find(new Document("_id", "a1")).first()).containsEntry("title", "Best headphones");
        }
    }

    @Test
    void dataDirectoryKeepsDocumentsForTheNextServer(@TempDir Path directory) {
        MongoSettings settings =
                MongoSettings.defaults().withMode(MongoSettings.Mode.EMBEDDED).withDataDirectory(directory);
        try (MongoServer mongo = MongoServer.start(settings);
                MongoClient client = client(mongo)) {
            client.getDatabase("roundup").getCollection("products").insertOne(new Document("_id", "p1"));
        }
        try (MongoServer mongo = MongoServer.start(settings);
                MongoClient client = client(mongo)) {
            assertThat(client.getDatabase("roundup").getCollection("products").countDocuments())
                    .isEqualTo(1);
        }
    }

    private static MongoClient client(MongoServer mongo) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build());
    }
}
