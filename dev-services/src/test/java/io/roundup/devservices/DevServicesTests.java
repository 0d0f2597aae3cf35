package io.roundup.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServicesTests {

    @AfterEach
    void clearProperties() {
        System.clearProperty(DevServices.ELASTICSEARCH_HEAP_PROPERTY);
        System.clearProperty(DevServices.ELASTICSEARCH_PLUGINS_PROPERTY);
        System.clearProperty(MongoSettings.MODE_PROPERTY);
    }

    @Test
    void sharedElasticsearchTakesHeapAndPluginsFromSystemProperties() {
        System.setProperty(DevServices.ELASTICSEARCH_HEAP_PROPERTY, "384");
        System.setProperty(DevServices.ELASTICSEARCH_PLUGINS_PROPERTY, "/a/one.zip:/b/two.zip");

        ElasticsearchSettings settings = DevServices.sharedElasticsearchSettings();

        assertThat(settings.heapMegabytes()).isEqualTo(384);
        assertThat(settings.plugins()).containsExactly(Path.of("/a/one.zip"), Path.of("/b/two.zip"));
    }

    @Test
    void sharedElasticsearchDefaultsToHalfAGigabyteAndNoPlugins() {
        assertThat(DevServices.sharedElasticsearchSettings().heapMegabytes()).isEqualTo(512);
        assertThat(DevServices.sharedElasticsearchSettings().plugins()).isEqualTo(List.of());
    }

    @Test
    void mongoModeCanBeForced() {
        System.setProperty(MongoSettings.MODE_PROPERTY, "Embedded");
        assertThat(MongoSettings.configuredMode()).isEqualTo(MongoSettings.Mode.EMBEDDED);

        System.setProperty(MongoSettings.MODE_PROPERTY, "docker");
        assertThatThrownBy(MongoSettings::configuredMode)
                .isInstanceOf(DevServiceException.class)
                .hasMessage("MongoDB: roundup.devservices.mongo=docker is not one of auto, embedded, container");
    }

    @Test
    void findsTheFolderThatLocksOtherUsersOut(@TempDir Path temp) throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path locked = Files.createDirectory(
                temp.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectories(locked.resolve("inner"));

        assertThat(Directories.firstNotTraversableByOthers(temp.resolve("open/not-yet-created")))
                .isNull();
        assertThat(Directories.firstNotTraversableByOthers(locked.resolve("inner/not-yet-created")))
                .isEqualTo(locked);
    }
}
