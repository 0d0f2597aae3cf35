package io.roundup.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeFolderTests {

    @TempDir
    Path temp;

    private Path home;

    private Path directory;

    private List<Path> bases;

    @BeforeEach
    void aDataFolderInAHomeOnlyItsOwnerMayEnter() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        home = Files.createDirectory(
                temp.resolve("home"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        directory = Files.createDirectories(home.resolve("roundup/.roundup/elasticsearch"));
        bases = List.of(temp.resolve("var/lib/roundup/elasticsearch"), temp.resolve("var/tmp/roundup-elasticsearch"));
    }

    @Test
    void aDirectoryOthersCanReachIsUsedAsItIs() throws IOException {
        Path open = Files.createDirectories(temp.resolve("open/.roundup/elasticsearch"));

        assertThat(NodeFolder.of(open)).isEqualTo(open);
        assertThat(open.resolve(NodeFolder.LINK)).doesNotExist();
    }

    @Test
    void anUnreachableDirectoryGetsAFolderOthersCanEnterLinkedFromIt() throws IOException {
        Path node = NodeFolder.outside(directory, home, bases);

        assertThat(node.getParent()).isEqualTo(bases.getFirst());
        assertThat(Directories.firstNotTraversableByOthers(node)).isNull();
        assertThat(Files.readSymbolicLink(directory.resolve(NodeFolder.LINK))).isEqualTo(node);
        assertThat(NodeFolder.outside(directory, home, bases))
                .as("the next start finds the same folder")
                .isEqualTo(node);
    }

    @Test
    void dataKeptInPlaceBeforeMovesIntoTheFolder() throws IOException {
        Files.writeString(Files.createDirectories(directory.resolve("data")).resolve("segment"), "kept");

        Path node = NodeFolder.outside(directory, home, bases);

        assertThat(node.resolve("data/segment")).hasContent("kept");
        assertThat(directory.resolve("data")).doesNotExist();
    }

    @Test
    void aDataFolderMadeAfreshGetsAFreshNodeAndTheOldOneIsRemoved() throws IOException {
        Path old = NodeFolder.outside(directory, home, bases);
        Files.writeString(Files.createDirectories(old.resolve("data")).resolve("segment"), "old");
        Directories.deleteRecursively(home.resolve("roundup/.roundup"));
        Files.createDirectories(directory);

        Path fresh = NodeFolder.outside(directory, home, bases);

        assertThat(fresh).isNotEqualTo(old);
        assertThat(fresh.resolve("data")).doesNotExist();
        assertThat(old).doesNotExist();
    }

    @Test
    void aFolderWhoseDataFolderMovedAwayIsKeptAndFollowsIt() throws IOException {
        Path node = NodeFolder.outside(directory, home, bases);
        Path moved = home.resolve("renamed");
        Files.move(home.resolve("roundup"), moved);
        Path other = Files.createDirectories(home.resolve("other/.roundup/elasticsearch"));

        NodeFolder.outside(other, home, bases);
        assertThat(node).as("not swept while its data folder is elsewhere").isDirectory();

        assertThat(NodeFolder.outside(moved.resolve(".roundup/elasticsearch"), home, bases))
                .isEqualTo(node);
    }

    @Test
    void aBaseOthersMayWriteIsPassedOver() throws IOException {
        Files.createDirectories(bases.getFirst());
        Files.setPosixFilePermissions(bases.getFirst(), PosixFilePermissions.fromString("rwxrwxrwx"));

        Path node = NodeFolder.outside(directory, home, bases);

        assertThat(node.getParent()).isEqualTo(bases.get(1));
    }
}
