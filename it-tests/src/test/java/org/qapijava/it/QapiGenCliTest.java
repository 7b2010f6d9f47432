package org.qapijava.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code qapi-gen} as a user runs it: the packaged jar, in its own process. */
class QapiGenCliTest {
    @TempDir
    Path dir;

    static Stream<Arguments> qemuEntryPoints() {
        return QemuSchemas.allEntryPoints().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "QEMU {0}: {1}")
    @MethodSource("qemuEntryPoints")
    void checksEveryEntryPointOfQemuClean(String release, Path entry) throws Exception {
        QapiGenProcess.Result result = QapiGenProcess.run("check", "--verbose", entry.toString());
        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).matches(
                "(?s).*: \\d+ structs, \\d+ unions, \\d+ alternates, \\d+ enums, \\d+ commands, \\d+ events\\n");
        System.out.print("QEMU " + release + " " + result.stdout());
    }

    @Test
    void reportsEveryProblemWithItsPlaceAndExitsWith1() throws Exception {
        Path schema = Files.writeString(dir.resolve("bad.json"), """
                { 'struct': 'Disk', 'data': { 'size': 'Bytes' } }
                { 'enum': 'mode', 'data': [ 'a' ] }
                { 'command': 'eject', 'data': { 'device': 'str' }, 'bogus': true }
                """);
        QapiGenProcess.Result result = QapiGenProcess.run("check", schema.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).containsExactly(
                schema + ":1:31: member 'size' of struct 'Disk' uses unknown type 'Bytes'",
                schema + ":2:11: name of enum 'mode' must use CamelCase",
                schema + ":3:52: command has unknown key 'bogus' (valid keys: 'allow-oob', 'allow-preconfig', "
                        + "'boxed', 'command', 'coroutine', 'data', 'features', 'gen', 'if', 'returns', "
                        + "'success-response')");
    }

    @Test
    void namesTheIncludeChainOfAProblemInAnIncludedFile() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("main.json"), "{ 'include': 'sub/block.json' }\n");
        Files.writeString(dir.resolve("sub/block.json"), "\n{ 'struct': 'Img', 'data': { 'x': 'nope' } }\n");
        QapiGenProcess.Result result = QapiGenProcess.run("check", dir.resolve("main.json").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly(
                "In file included from " + dir.resolve("main.json") + ":1:",
                dir.resolve("sub/block.json") + ":2:30: member 'x' of struct 'Img' uses unknown type 'nope'");
    }

    @Test
    void missingSchemaFileIsAClearMessage() throws Exception {
        QapiGenProcess.Result result = QapiGenProcess.run("check", dir.resolve("absent.json").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(
                "qapi-gen: can't read schema file '" + dir.resolve("absent.json") + "': No such file or directory\n");
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of("frobnicate"), List.of("check"),
                List.of("check", "a.json", "b.json"), List.of("dump", "--bogus", "a.json"))) {
            QapiGenProcess.Result result = QapiGenProcess.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as("qapi-gen %s", args).isEqualTo(2);
            assertThat(result.stderr()).as("qapi-gen %s", args).startsWith("qapi-gen: ").contains("usage:");
        }
    }

    @Test
    void dumpPrintsTheModelAsJson() throws Exception {
        Path schema = Files.writeString(dir.resolve("s.json"), """
                { 'enum': 'Color', 'data': [ 'red', { 'name': 'green', 'if': 'CONFIG_GREEN' } ] }
                { 'struct': 'Stroke', 'data': { 'color': 'Color' } }
                { 'command': 'paint', 'data': { 'color': 'Color', '*times': 'int' }, 'returns': [ 'Stroke' ] }
                """);
        QapiGenProcess.Result result = QapiGenProcess.run("dump", schema.toString());
        assertThat(result.exitCode()).isZero();
        JsonNode entities = new ObjectMapper().readTree(result.stdout()).get("entities");
        assertThat(entities).hasSize(3);
        assertThat(entities.get(0).get("values").get(1).get("if").asString()).isEqualTo("CONFIG_GREEN");
        assertThat(entities.get(2).get("returns").asString()).isEqualTo("[Stroke]");
        assertThat(entities.get(2).get("data").get("members").get(1).get("optional").asBoolean()).isTrue();
    }
}
