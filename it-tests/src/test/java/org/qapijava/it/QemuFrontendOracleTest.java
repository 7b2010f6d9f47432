package org.qapijava.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * QEMU's own frontend as the oracle: for every entry point of QEMU 7.2's schema, the model that QEMU 7.2's
 * {@code scripts/qapi} builds (dumped by {@code src/test/python/qemu_model_dump.py} in our dump format) must
 * equal what {@code qapi-gen dump} prints, entity by entity and field by field.
 */
class QemuFrontendOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 25;

    static Stream<String> entryPoints() {
        return QemuSchemas.ENTRY_POINTS.stream();
    }

    @ParameterizedTest(name = "QEMU 7.2: {0}")
    @MethodSource("entryPoints")
    void ourModelEqualsQemusOwn(String entryPoint) throws Exception {
        Path qemu = QemuSchemas.qemu72();
        Path entry = qemu.resolve(entryPoint);
        Path scripts = qemu.resolve("scripts");
        if (!Files.isRegularFile(scripts.resolve("qapi/schema.py"))) {
            fail("QEMU 7.2's Python frontend not found in " + scripts.toAbsolutePath()
                    + " (expected qapi/schema.py): run scripts/fetch-qemu-schema.sh");
        }

        QapiGenProcess.Result ours = QapiGenProcess.run("dump", entry.toString());
        assertThat(ours.exitCode()).as("qapi-gen dump %s; stderr:%n%s", entry, ours.stderr()).isZero();
        String qemusText = runQemuFrontend(scripts, entry);

        JsonNode oursEntities = JSON.readTree(ours.stdout()).get("entities");
        JsonNode qemusEntities = JSON.readTree(qemusText).get("entities");
        assertThat(qemusEntities).as("QEMU's dump of %s", entryPoint).isNotNull();
        assertThat(oursEntities).as("our dump of %s", entryPoint).isNotNull();
        assertThat(qemusEntities.size()).as("entities QEMU found in %s", entryPoint).isPositive();

        List<String> differences = compare(oursEntities, qemusEntities);
        if (!differences.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append(differences.size()).append(" difference(s) between qapi-gen dump and QEMU 7.2's ")
                    .append("frontend for ").append(entryPoint).append(" (ours vs QEMU's):\n");
            differences.stream().limit(MAX_REPORTED).forEach(d -> message.append("  ").append(d).append('\n'));
            if (differences.size() > MAX_REPORTED) {
                message.append("  ... and ").append(differences.size() - MAX_REPORTED).append(" more\n");
            }
            fail(message.toString());
        }
        System.out.println("QEMU 7.2 " + entryPoint + ": " + qemusEntities.size()
                + " entities, equal to QEMU's own frontend");
    }

    /** The JSON that the Python script prints for QEMU's model of the schema. */
    private static String runQemuFrontend(Path scripts, Path entry) throws IOException, InterruptedException {
        // surefire runs in the module folder; basedir says so explicitly when set
        Path script = Path.of(System.getProperty("basedir", ".")).resolve("src/test/python/qemu_model_dump.py");
        if (!Files.isRegularFile(script)) {
            fail("no " + script.toAbsolutePath() + ": run this test from the it-tests module");
        }
        List<String> command = List.of("python3", script.toString(), scripts.toString(), entry.toString());
        Path out = Files.createTempFile("qemu-model", ".json");
        Path err = Files.createTempFile("qemu-model", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new AssertionError("python3 is needed to run QEMU's QAPI frontend, but it could not be "
                        + "started (" + e.getMessage() + "): install python3 3.6 or later (scripts/setup.sh "
                        + "and CI do)", e);
            }
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("QEMU's frontend did not finish: " + command);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail("QEMU's frontend failed (exit " + process.exitValue() + "): " + command + "\n" + stderr);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Every difference, as "entity: field path: ours vs QEMU's", in QEMU's definition order. */
    static List<String> compare(JsonNode ours, JsonNode qemus) {
        Map<String, JsonNode> oursByName = byName(ours);
        Map<String, JsonNode> qemusByName = byName(qemus);
        List<String> differences = new ArrayList<>();
        for (String name : qemusByName.keySet()) {
            if (!oursByName.containsKey(name)) {
                differences.add(name + ": missing from our dump (QEMU has " + describe(qemusByName.get(name)) + ")");
            }
        }
        for (String name : oursByName.keySet()) {
            if (!qemusByName.containsKey(name)) {
                differences.add(name + ": in our dump only (" + describe(oursByName.get(name)) + ")");
            }
        }
        List<String> oursOrder = new ArrayList<>(oursByName.keySet());
        oursOrder.retainAll(qemusByName.keySet());
        List<String> qemusOrder = new ArrayList<>(qemusByName.keySet());
        qemusOrder.retainAll(oursByName.keySet());
        if (!oursOrder.equals(qemusOrder)) {
            int i = 0;
            while (oursOrder.get(i).equals(qemusOrder.get(i))) {
                i++;
            }
            differences.add("definition order differs at entity #" + (i + 1) + ": ours " + oursOrder.get(i)
                    + " vs QEMU's " + qemusOrder.get(i));
        }
        for (Map.Entry<String, JsonNode> entity : qemusByName.entrySet()) {
            JsonNode mine = oursByName.get(entity.getKey());
            if (mine != null) {
                diff(entity.getKey() + ": ", "", mine, entity.getValue(), differences);
            }
        }
        return differences;
    }

    private static Map<String, JsonNode> byName(JsonNode entities) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode entity : entities) {
            String name = entity.get("name").asString();
            if (byName.putIfAbsent(name, entity) != null) {
                throw new AssertionError("entity '" + name + "' appears twice in one dump");
            }
        }
        return byName;
    }

    private static void diff(String entity, String path, JsonNode ours, JsonNode qemus, List<String> into) {
        if (ours.isObject() && qemus.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            qemus.propertyNames().forEach(fields::add);
            ours.propertyNames().forEach(fields::add);
            for (String field : fields) {
                String at = path.isEmpty() ? field : path + "." + field;
                JsonNode mine = ours.get(field);
                JsonNode theirs = qemus.get(field);
                if (mine == null || theirs == null) {
                    into.add(entity + at + ": " + (mine == null ? "(absent)" : compact(mine)) + " vs "
                            + (theirs == null ? "(absent)" : compact(theirs)));
                } else {
                    diff(entity, at, mine, theirs, into);
                }
            }
        } else if (ours.isArray() && qemus.isArray()) {
            if (ours.size() != qemus.size()) {
                into.add(entity + path + ": " + ours.size() + " items vs " + qemus.size() + ": " + compact(ours)
                        + " vs " + compact(qemus));
                return;
            }
            Iterator<JsonNode> mine = ours.iterator();
            Iterator<JsonNode> theirs = qemus.iterator();
            for (int i = 0; mine.hasNext(); i++) {
                JsonNode item = theirs.next();
                String label = item.isObject() && item.has("name") ? "[" + item.get("name").asString() + "]"
                        : "[" + i + "]";
                diff(entity, path + label, mine.next(), item, into);
            }
        } else if (!Objects.equals(ours, qemus)) {
            into.add(entity + path + ": " + compact(ours) + " vs " + compact(qemus));
        }
    }

    private static String describe(JsonNode entity) {
        return entity.path("meta").asString() + " at " + entity.path("file").asString() + ":"
                + entity.path("line");
    }

    private static String compact(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
