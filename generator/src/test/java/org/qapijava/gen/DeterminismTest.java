package org.qapijava.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qapijava.qapi.SchemaReader;

/** The same schema gives the same files, byte for byte: the same set of files and the same content in each. */
class DeterminismTest {
    private static final String PACKAGE = GeneratedCodeCompilesTest.PACKAGE;

    static Stream<Arguments> schemas() {
        return Stream.of(Arguments.of("project", GeneratedCodeCompilesTest.projectSchema()),
                Arguments.of("QEMU 10.2 qapi/qapi-schema.json",
                        GeneratedCodeCompilesTest.qemu102("qapi/qapi-schema.json")));
    }

    /** Each file's path (package folder and name) and its exact bytes as SourceWriter would write them. */
    static Map<String, String> generate(Path schemaFile) {
        List<JavaFile> files = new JavaGenerator(SchemaReader.read(schemaFile), PACKAGE,
                String.valueOf(schemaFile.getFileName())).generate();
        Map<String, String> byPath = new TreeMap<>();
        for (JavaFile file : files) {
            String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
            assertThat(byPath.put(path, file.toString())).as("two files at %s", path).isNull();
        }
        return byPath;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void twoRunsOverFreshReadsGiveIdenticalFiles(String name, Path schemaFile) {
        Map<String, String> first = generate(schemaFile);
        Map<String, String> second = generate(schemaFile);
        assertThat(second.keySet()).as(name).containsExactlyElementsOf(first.keySet());
        List<String> differing = new ArrayList<>();
        first.forEach((path, content) -> {
            if (!content.equals(second.get(path))) {
                differing.add(path);
            }
        });
        assertThat(differing).as("%s: files whose content differs between two runs", name).isEmpty();
        // the order of the list is the schema's, every time
        List<String> order1 = order(schemaFile);
        assertThat(order(schemaFile)).as(name).isEqualTo(order1);
    }

    private static List<String> order(Path schemaFile) {
        return new JavaGenerator(SchemaReader.read(schemaFile), PACKAGE, String.valueOf(schemaFile.getFileName()))
                .generate().stream().map(f -> f.packageName() + "." + f.typeSpec().name()).toList();
    }

    /** Where the schema lives plays no part: only its file name is in the header. */
    @Test
    void theSchemaReadFromAnotherFolderGivesTheSameFiles(@TempDir Path dir) throws IOException {
        Path schemaFile = GeneratedCodeCompilesTest.projectSchema();
        Path copy = dir.resolve("elsewhere");
        try (Stream<Path> files = Files.list(schemaFile.getParent())) {
            Files.createDirectories(copy);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        assertThat(generate(copy.resolve(schemaFile.getFileName()))).isEqualTo(generate(schemaFile));
    }

    @Test
    void everyFileStartsWithTheMarkerNamingTheSchemaFile() {
        Map<String, String> files = generate(GeneratedCodeCompilesTest.projectSchema());
        assertThat(files).isNotEmpty();
        files.forEach((path, content) -> assertThat(content.lines().findFirst().orElse(""))
                .as(path).isEqualTo("// " + JavaGenerator.MARKER + " from qapi-schema.json. Do not edit."));
    }
}
