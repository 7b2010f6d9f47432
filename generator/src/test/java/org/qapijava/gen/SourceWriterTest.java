package org.qapijava.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;

/**
 * {@link SourceWriter} writes only what changed: unchanged files keep their bytes and their time, a changed
 * definition rewrites only its files, a definition that is gone takes its file with it; nothing without the
 * marker, and nothing outside the three generated packages, is ever touched.
 */
class SourceWriterTest {
    private static final String PACKAGE = GeneratedCodeCompilesTest.PACKAGE;
    private static final Set<String> PACKAGES = Set.of(PACKAGE, PACKAGE + ".event", PACKAGE + ".command");
    /** Long ago: a file that still has this time was not written. */
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

    private static final String SCHEMA = """
            { 'enum': 'Mode', 'data': [ 'fast', 'safe' ] }
            { 'struct': 'Disk', 'data': { 'size': 'int' } }
            { 'struct': 'Image', 'data': { 'name': 'str' } }
            { 'event': 'STOP' }
            { 'event': 'RESUME' }
            { 'command': 'query-images', 'returns': [ 'Image' ] }
            """;
    private static final List<String> FILES = List.of("org/example/qmp/Mode.java", "org/example/qmp/Disk.java",
            "org/example/qmp/Image.java", "org/example/qmp/event/Stop.java", "org/example/qmp/event/Resume.java",
            "org/example/qmp/event/Event.java", "org/example/qmp/event/UnknownEvent.java",
            "org/example/qmp/event/Events.java", "org/example/qmp/command/CommandDescriptors.java",
            "org/example/qmp/command/QmpCommands.java", "org/example/qmp/command/QmpAsyncCommands.java");

    @TempDir
    Path dir;

    private Path out;
    private int reads;

    @BeforeEach
    void setUp() {
        out = dir.resolve("src");
    }

    /** Reads the schema afresh, generates and writes into out. */
    private SourceWriter.Result write(String schemaText) throws IOException {
        var schema = new SchemaFixture(dir.resolve("schema" + reads++)).schema(schemaText);
        return SourceWriter.write(new JavaGenerator(schema, PACKAGE, SchemaFixture.ENTRY).generate(), out, PACKAGES);
    }

    private List<String> relative(List<Path> paths) {
        return paths.stream().map(p -> out.relativize(p).toString().replace('\\', '/')).toList();
    }

    /** Every file under out, with its content. */
    private Map<String, String> tree() throws IOException {
        Map<String, String> tree = new HashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                tree.put(out.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return tree;
    }

    /** Sets every file under out to the old time. */
    private void age() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, OLD);
            }
        }
    }

    /** The files under out whose time is no longer the old one. */
    private List<String> touched() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(f -> !OLD.equals(modified(f)))
                    .map(f -> out.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path file(String relative, String content) throws IOException {
        Path path = out.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    @Test
    void writingTheSameFilesAgainWritesNothing() throws IOException {
        SourceWriter.Result first = write(SCHEMA);
        assertThat(relative(first.written())).containsExactlyInAnyOrderElementsOf(FILES);
        assertThat(first.unchanged()).isEmpty();
        assertThat(first.removed()).isEmpty();
        Map<String, String> before = tree();
        assertThat(before.keySet()).containsExactlyInAnyOrderElementsOf(FILES);
        age();

        SourceWriter.Result second = write(SCHEMA);
        assertThat(second.written()).isEmpty();
        assertThat(relative(second.unchanged())).containsExactlyInAnyOrderElementsOf(FILES);
        assertThat(second.removed()).isEmpty();
        assertThat(touched()).isEmpty();
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void changingOneDefinitionRewritesOnlyItsFile() throws IOException {
        write(SCHEMA);
        age();
        SourceWriter.Result result = write(SCHEMA.replace("{ 'size': 'int' }", "{ 'size': 'int', '*label': 'str' }"));
        assertThat(relative(result.written())).containsExactly("org/example/qmp/Disk.java");
        assertThat(result.unchanged()).hasSize(FILES.size() - 1);
        assertThat(result.removed()).isEmpty();
        assertThat(touched()).containsExactly("org/example/qmp/Disk.java");
        assertThat(Files.readString(out.resolve("org/example/qmp/Disk.java"))).contains("@WireName(\"label\")");
    }

    @Test
    void removingADefinitionRemovesItsFile() throws IOException {
        write(SCHEMA);
        age();
        SourceWriter.Result withoutEnum = write(SCHEMA.replace("{ 'enum': 'Mode', 'data': [ 'fast', 'safe' ] }\n", ""));
        assertThat(relative(withoutEnum.removed())).containsExactly("org/example/qmp/Mode.java");
        assertThat(withoutEnum.written()).isEmpty();
        assertThat(out.resolve("org/example/qmp/Mode.java")).doesNotExist();
        assertThat(touched()).isEmpty();

        // an event: its file goes, and the files that list the events are rewritten
        SourceWriter.Result withoutEvent = write(SCHEMA.replace("{ 'enum': 'Mode', 'data': [ 'fast', 'safe' ] }\n", "")
                .replace("{ 'event': 'STOP' }\n", ""));
        assertThat(relative(withoutEvent.removed())).containsExactly("org/example/qmp/event/Stop.java");
        assertThat(relative(withoutEvent.written()))
                .containsExactlyInAnyOrder("org/example/qmp/event/Event.java", "org/example/qmp/event/Events.java");
        assertThat(touched())
                .containsExactly("org/example/qmp/event/Event.java", "org/example/qmp/event/Events.java");
    }

    @Test
    void aGeneratedFileThatIsMissingOrEditedIsWrittenAgain() throws IOException {
        write(SCHEMA);
        Map<String, String> generated = tree();
        age();
        Files.delete(out.resolve("org/example/qmp/Image.java"));
        file("org/example/qmp/Disk.java", generated.get("org/example/qmp/Disk.java").replace("size", "sighs"));
        Files.setLastModifiedTime(out.resolve("org/example/qmp/Disk.java"), OLD);
        SourceWriter.Result result = write(SCHEMA);
        assertThat(relative(result.written()))
                .containsExactlyInAnyOrder("org/example/qmp/Image.java", "org/example/qmp/Disk.java");
        assertThat(tree()).isEqualTo(generated);
    }

    @Test
    void handWrittenFilesWithoutTheMarkerAreNeverRemoved() throws IOException {
        String helper = "package org.example.qmp;\n\n/** Written by hand. */\nfinal class Helper {}\n";
        String listener = "// Not generated.\npackage org.example.qmp.event;\n\ninterface Listener {}\n";
        String client = "package org.example.qmp.command;\n\nfinal class Client {}\n";
        file("org/example/qmp/Helper.java", helper);
        file("org/example/qmp/event/Listener.java", listener);
        file("org/example/qmp/command/Client.java", client);
        file("org/example/qmp/README.txt", "// " + JavaGenerator.MARKER + " from nothing\n");
        // a file the generator once wrote and no longer produces is removed at the first write
        file("org/example/qmp/Stale.java", "// " + JavaGenerator.MARKER + " from old.json. Do not edit.\n"
                + "package org.example.qmp;\n\nrecord Stale() {}\n");

        SourceWriter.Result first = write(SCHEMA);
        assertThat(relative(first.removed())).containsExactly("org/example/qmp/Stale.java");
        age();
        SourceWriter.Result second = write(SCHEMA.replace("{ 'enum': 'Mode', 'data': [ 'fast', 'safe' ] }\n", "")
                .replace("{ 'event': 'STOP' }\n", ""));
        assertThat(relative(second.removed()))
                .containsExactlyInAnyOrder("org/example/qmp/Mode.java", "org/example/qmp/event/Stop.java");

        Map<String, String> tree = tree();
        assertThat(tree).containsEntry("org/example/qmp/Helper.java", helper)
                .containsEntry("org/example/qmp/event/Listener.java", listener)
                .containsEntry("org/example/qmp/command/Client.java", client)
                .containsKey("org/example/qmp/README.txt");
        assertThat(touched()).doesNotContain("org/example/qmp/Helper.java", "org/example/qmp/event/Listener.java",
                "org/example/qmp/command/Client.java", "org/example/qmp/README.txt");
    }

    @Test
    void filesInOtherPackagesAreUntouchedEvenWithTheMarker() throws IOException {
        String marked = "// " + JavaGenerator.MARKER + " from other.json. Do not edit.\n";
        Map<String, String> others = Map.of(
                "org/example/other/Old.java", marked + "package org.example.other;\n\nrecord Old() {}\n",
                "org/example/Old.java", marked + "package org.example;\n\nrecord Old() {}\n",
                "org/example/qmp/internal/Old.java", marked + "package org.example.qmp.internal;\n\nrecord Old() {}\n",
                "org/example/qmp/command/sub/Old.java",
                marked + "package org.example.qmp.command.sub;\n\nrecord Old() {}\n",
                "Old.java", marked + "record Old() {}\n");
        for (Map.Entry<String, String> entry : others.entrySet()) {
            file(entry.getKey(), entry.getValue());
        }
        SourceWriter.Result first = write(SCHEMA);
        assertThat(first.removed()).isEmpty();
        age();
        SourceWriter.Result second = write(SCHEMA.replace("{ 'struct': 'Disk', 'data': { 'size': 'int' } }\n", ""));
        assertThat(relative(second.removed())).containsExactly("org/example/qmp/Disk.java");
        Map<String, String> tree = tree();
        others.forEach((path, content) -> assertThat(tree).containsEntry(path, content));
        assertThat(touched()).isEmpty();
    }
}
