package org.qapijava.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaReader;
import org.qapijava.qapi.model.Schema;

/**
 * The proof of {@code docs/mapping.md}: for each construct, a small schema and the Java it must become.
 *
 * <p>Each case is a folder {@code src/test/resources/golden/<case>/} holding {@code schema.json} and, under
 * {@code expected/}, the generated files that matter for the case, at their package path
 * ({@code expected/org/example/qmp/Image.java}). The schema is generated with package {@code org.example.qmp}
 * and each expected file must equal the generated one exactly; files the generator writes but the case does
 * not list are not compared.
 *
 * <p>After an intended change to the generated code, rewrite the expected files from the current output and
 * review the difference before committing it:
 *
 * <pre>
 * cd generator &amp;&amp; ../mvnw -o test -Dtest=GoldenTest -Dgolden.update=true &amp;&amp; git diff src/test/resources/golden
 * </pre>
 *
 * <p>An update rewrites the files a case already lists; a case without an {@code expected/} folder gets every
 * generated file, to be pruned by hand to those that matter.
 */
class GoldenTest {
    static final String PACKAGE = "org.example.qmp";
    static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final List<String> CASES = List.of("names", "builtin-types", "struct", "enum", "flat-union",
            "simple-union", "alternate", "event", "commands", "doc-comments", "features-conditions");
    private static final int CONTEXT = 3;
    private static final int MAX_SHOWN = 12;

    /** Member, type, constant, method and event names; keywords, collisions, java.lang clashes. */
    @Test
    void names() {
        golden("names");
    }

    /** Each built-in type's Java type, required and optional. */
    @Test
    void builtinTypes() {
        golden("builtin-types");
    }

    /** A struct with a base, optional, list and recursive members: a record, a builder, a Fields interface. */
    @Test
    void struct() {
        golden("struct");
    }

    /** Enums with wire names, UNRECOGNIZED, values with conditions and features, digit-first values. */
    @Test
    void enums() {
        golden("enum");
    }

    /** Flat unions with a named and an inline base, branches with and without members, Unknown. */
    @Test
    void flatUnion() {
        golden("flat-union");
    }

    /** A legacy simple union and its implicit Kind enum. */
    @Test
    void simpleUnion() {
        golden("simple-union");
    }

    /** Alternates, one with a null branch; absence, null and a value in an optional member. */
    @Test
    void alternate() {
        golden("alternate");
    }

    /** Events without data, with inline and named data, boxed; Event, UnknownEvent, Events. */
    @Test
    void event() {
        golden("event");
    }

    /** Commands: no arguments, inline, named, boxed, list result, gen false, success-response false, flags. */
    @Test
    void commands() {
        golden("commands");
    }

    /** Doc comments as Javadoc: body, members, Returns, Errors, notes, examples, Since, escaping. */
    @Test
    void docComments() {
        golden("doc-comments");
    }

    /** Features and if conditions as annotations; deprecated as @Deprecated; conditional elements kept. */
    @Test
    void featuresAndConditions() {
        golden("features-conditions");
    }

    @Test
    void everyCaseFolderHasATest() throws IOException {
        try (Stream<Path> folders = Files.list(ROOT)) {
            assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(CASES);
        }
    }

    /** The same schema gives the same files, byte for byte. */
    @Test
    void generationIsDeterministic() {
        for (String name : CASES) {
            assertThat(generate(name)).as(name).isEqualTo(generate(name));
        }
    }

    /** Writing the same output again touches no file. */
    @Test
    void unchangedFilesAreNotRewritten(@TempDir Path out) throws IOException {
        Schema schema = SchemaReader.read(ROOT.resolve("struct/schema.json"));
        List<JavaFile> files = new JavaGenerator(schema, PACKAGE, "schema.json").generate();
        Set<String> packages = Set.of(PACKAGE, PACKAGE + ".event", PACKAGE + ".command");
        SourceWriter.Result first = SourceWriter.write(files, out, packages);
        SourceWriter.Result second = SourceWriter.write(files, out, packages);
        assertThat(first.written()).hasSize(files.size());
        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).hasSize(files.size());
        assertThat(second.removed()).isEmpty();
    }

    /** Generates a case and compares (or, with -Dgolden.update=true, rewrites) its expected files. */
    private static void golden(String name) {
        Path expectedDir = ROOT.resolve(name).resolve("expected");
        Map<String, String> generated = generate(name);
        if (UPDATE) {
            update(name, expectedDir, generated);
            return;
        }
        List<String> expectedFiles = list(expectedDir);
        assertThat(expectedFiles).as("expected files of golden case '%s' (in %s)", name, expectedDir).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (String file : expectedFiles) {
            String expected = read(expectedDir.resolve(file));
            String actual = generated.get(file);
            if (actual == null) {
                problems.add(file + ": not generated; the generator wrote " + generated.keySet());
            } else if (!expected.equals(actual)) {
                problems.add(file + " differs:\n" + diff(expected, actual));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("golden case '" + name + "': " + problems.size() + " of " + expectedFiles.size()
                    + " files differ (- expected, + generated)\n\n" + String.join("\n", problems)
                    + "\nIf the change is intended, rerun with -Dgolden.update=true and review the diff.");
        }
    }

    /** The generated files of a case by path ({@code org/example/qmp/Image.java}), in path order. */
    private static Map<String, String> generate(String name) {
        Schema schema = SchemaReader.read(ROOT.resolve(name).resolve("schema.json"));
        Map<String, String> files = new TreeMap<>();
        for (JavaFile file : new JavaGenerator(schema, PACKAGE, "schema.json").generate()) {
            String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
            if (files.put(path, file.toString()) != null) {
                throw new AssertionError("golden case '" + name + "': two files at " + path);
            }
        }
        return files;
    }

    private static void update(String name, Path expectedDir, Map<String, String> generated) {
        List<String> listed = list(expectedDir);
        List<String> targets = listed.isEmpty() ? List.copyOf(generated.keySet()) : listed;
        try {
            for (String file : targets) {
                Path path = expectedDir.resolve(file);
                String content = generated.get(file);
                if (content == null) {
                    Files.delete(path);
                    System.out.println("golden " + name + ": removed " + file + " (no longer generated)");
                } else if (!Files.isRegularFile(path) || !read(path).equals(content)) {
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, content, StandardCharsets.UTF_8);
                    System.out.println("golden " + name + ": wrote " + file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files under a folder, as '/'-separated relative paths, sorted; none when it does not exist. */
    private static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first region where two texts differ, with a few lines of context before it: the common first and
     * last lines are set aside, and what is left between them is shown from each side.
     */
    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("  @@ line %d (expected %d lines here, generated %d) @@%n", start + 1,
                endA - start, endB - start));
        for (int i = Math.max(0, start - CONTEXT); i < start; i++) {
            out.append(String.format("  %5d   %s%n", i + 1, a[i]));
        }
        lines(out, '-', a, start, endA);
        lines(out, '+', b, start, endB);
        return out.toString();
    }

    private static void lines(StringBuilder out, char sign, String[] lines, int from, int to) {
        for (int i = from; i < Math.min(to, from + MAX_SHOWN); i++) {
            out.append(String.format("%c %5d   %s%n", sign, i + 1, lines[i]));
        }
        if (to - from > MAX_SHOWN) {
            out.append(String.format("%c         ... %d more lines%n", sign, to - from - MAX_SHOWN));
        }
    }
}
