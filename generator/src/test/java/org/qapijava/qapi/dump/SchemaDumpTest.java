package org.qapijava.qapi.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Schema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The dump format of the README, entity by entity, field by field, in field order. */
class SchemaDumpTest {
    private static final String SCHEMA = """
            { 'include': 'sub/types.json' }
            { 'enum': 'Color', 'prefix': 'COL', 'data': [ 'red', { 'name': 'blue', 'if': 'CONFIG_BLUE', 'features': [ 'deprecated' ] } ] }
            { 'struct': 'Base', 'data': { 'color': 'Color' } }
            { 'struct': 'Point', 'data': { 'x': 'int', '*tags': [ 'str' ], 'old': { 'type': 'str', 'if': { 'not': 'CONFIG_NEW' }, 'features': [ 'deprecated' ] } }, 'features': [ { 'name': 'feat', 'if': 'CONFIG_FEAT' } ] }
            { 'struct': 'Tagged', 'base': 'Base', 'data': { 'label': 'str' } }
            { 'union': 'Shape', 'base': 'Base', 'discriminator': 'color', 'data': { 'red': 'Point' }, 'if': { 'all': [ 'CONFIG_A', 'CONFIG_B' ] } }
            { 'union': 'Inline', 'base': { 'color': 'Color', '*note': 'str' }, 'discriminator': 'color', 'data': { 'blue': { 'type': 'Point', 'if': 'CONFIG_BLUE' } } }
            { 'union': 'Simple', 'data': { 'num': 'int', 'list': [ 'str' ] } }
            { 'alternate': 'Alt', 'data': { 'n': 'null', 'p': { 'type': 'Point', 'if': { 'any': [ 'CONFIG_A', 'CONFIG_B' ] } } } }
            { 'command': 'draw', 'data': { 'shape': 'Shape' }, 'returns': [ 'Point' ], 'features': [ 'unstable' ] }
            { 'command': 'draw-boxed', 'data': 'Shape', 'boxed': true, 'gen': false, 'success-response': false, 'allow-oob': true, 'allow-preconfig': true }
            { 'command': 'ping', 'coroutine': true, 'if': 'defined(CONFIG_PING)' }
            { 'event': 'DRAWN', 'data': { 'shape': 'Shape' } }
            { 'event': 'SHAPED', 'data': 'Shape', 'boxed': true, 'if': [ 'defined(CONFIG_A)', 'defined(CONFIG_B)' ] }
            """;

    @TempDir
    Path dir;

    private List<Object> entities;

    @BeforeEach
    void dump() {
        SchemaFixture fx = new SchemaFixture(dir);
        fx.file("sub/types.json", "{ 'struct': 'Extra', 'data': {} }\n");
        Map<String, Object> root = asMap(parse(dump(fx.schema(SCHEMA))));
        assertThat(root.keySet()).containsExactly("entities");
        entities = asList(root.get("entities"));
    }

    // expected values, in field order

    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Object> list(Object... items) {
        return Arrays.asList(items);
    }

    private static Map<String, Object> head(String meta, String name, Object ifCond, List<Object> features,
            String file, int line) {
        return obj("meta", meta, "name", name, "if", ifCond, "features", features, "file", file, "line", line);
    }

    private static Map<String, Object> member(String name, String type, boolean optional, Object ifCond,
            List<Object> features) {
        return obj("name", name, "type", type, "optional", optional, "if", ifCond, "features", features);
    }

    private static Map<String, Object> feature(String name, Object ifCond) {
        return obj("name", name, "if", ifCond);
    }

    private static Map<String, Object> branch(String name, String type, Object ifCond) {
        return obj("name", name, "type", type, "if", ifCond);
    }

    private static Map<String, Object> with(Map<String, Object> head, Object... more) {
        Map<String, Object> map = new LinkedHashMap<>(head);
        map.putAll(obj(more));
        return map;
    }

    /** Equal values and the same field order everywhere (LinkedHashMap and List print in order). */
    private void assertEntity(int index, Map<String, Object> expected) {
        Object actual = entities.get(index);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).hasToString(expected.toString());
    }

    @Test
    void everyNamedDefinitionInOrderAndNoImplicitOnes() {
        assertThat(entities).extracting(e -> asMap(e).get("name")).containsExactly("Extra", "Color", "Base", "Point",
                "Tagged", "Shape", "Inline", "Simple", "Alt", "draw", "draw-boxed", "ping", "DRAWN", "SHAPED");
    }

    @Test
    void structFromAnIncludedFileHasItsRelativePath() {
        assertEntity(0, with(head("struct", "Extra", null, list(), "sub/types.json", 1),
                "base", null, "members", list()));
    }

    @Test
    void enumWithPrefixAndValues() {
        assertEntity(1, with(head("enum", "Color", null, list(), "schema.json", 2),
                "prefix", "COL",
                "values", list(obj("name", "red", "if", null, "features", list()),
                        obj("name", "blue", "if", "CONFIG_BLUE", "features", list(feature("deprecated", null))))));
    }

    @Test
    void structWithMembersOfEveryShape() {
        assertEntity(3, with(head("struct", "Point", null, list(feature("feat", "CONFIG_FEAT")), "schema.json", 4),
                "base", null,
                "members", list(member("x", "int", false, null, list()),
                        member("tags", "[str]", true, null, list()),
                        member("old", "str", false, obj("not", "CONFIG_NEW"), list(feature("deprecated", null))))));
    }

    @Test
    void structWithBaseListsOwnMembersOnly() {
        assertEntity(2, with(head("struct", "Base", null, list(), "schema.json", 3),
                "base", null, "members", list(member("color", "Color", false, null, list()))));
        assertEntity(4, with(head("struct", "Tagged", null, list(), "schema.json", 5),
                "base", "Base", "members", list(member("label", "str", false, null, list()))));
    }

    @Test
    void unionWithNamedBaseListsDeclaredBranchesOnly() {
        assertEntity(5, with(head("union", "Shape", obj("all", list("CONFIG_A", "CONFIG_B")), list(), "schema.json", 6),
                "base", "Base", "discriminator", "color", "branches", list(branch("red", "Point", null))));
    }

    @Test
    void unionWithInlineBase() {
        assertEntity(6, with(head("union", "Inline", null, list(), "schema.json", 7),
                "base", obj("members", list(member("color", "Color", false, null, list()),
                        member("note", "str", true, null, list()))),
                "discriminator", "color",
                "branches", list(branch("blue", "Point", "CONFIG_BLUE"))));
    }

    @Test
    void legacySimpleUnionHasNullBaseAndDiscriminator() {
        assertEntity(7, with(head("union", "Simple", null, list(), "schema.json", 8),
                "base", null, "discriminator", null,
                "branches", list(branch("num", "int", null), branch("list", "[str]", null))));
    }

    @Test
    void alternateBranches() {
        assertEntity(8, with(head("alternate", "Alt", null, list(), "schema.json", 9),
                "branches", list(branch("n", "null", null),
                        branch("p", "Point", obj("any", list("CONFIG_A", "CONFIG_B"))))));
    }

    @Test
    void commandWithInlineDataAndDefaultFlags() {
        assertEntity(9, with(head("command", "draw", null, list(feature("unstable", null)), "schema.json", 10),
                "data", obj("members", list(member("shape", "Shape", false, null, list()))),
                "returns", "[Point]", "boxed", false, "gen", true, "success-response", true,
                "allow-oob", false, "allow-preconfig", false, "coroutine", false));
    }

    @Test
    void commandWithNamedDataAndEveryFlagSet() {
        assertEntity(10, with(head("command", "draw-boxed", null, list(), "schema.json", 11),
                "data", "Shape", "returns", null, "boxed", true, "gen", false, "success-response", false,
                "allow-oob", true, "allow-preconfig", true, "coroutine", false));
    }

    @Test
    void commandWithoutDataAndLegacyCondition() {
        assertEntity(11, with(head("command", "ping", "defined(CONFIG_PING)", list(), "schema.json", 12),
                "data", null, "returns", null, "boxed", false, "gen", true, "success-response", true,
                "allow-oob", false, "allow-preconfig", false, "coroutine", true));
    }

    @Test
    void events() {
        assertEntity(12, with(head("event", "DRAWN", null, list(), "schema.json", 13),
                "data", obj("members", list(member("shape", "Shape", false, null, list()))), "boxed", false));
        assertEntity(13, with(head("event", "SHAPED", obj("all", list("defined(CONFIG_A)", "defined(CONFIG_B)")),
                list(), "schema.json", 14), "data", "Shape", "boxed", true));
    }

    @Test
    void emptySchemaDumpsNoEntities() {
        SchemaFixture fx = new SchemaFixture(dir.resolve("empty"));
        fx.file("schema.json", "{ 'pragma': { 'doc-required': false } }\n");
        assertThat(asMap(parse(dump(fx.read("schema.json"))))).isEqualTo(obj("entities", list()));
    }

    // JSON, read back with Jackson's streaming parser into LinkedHashMap / ArrayList / String / Integer / Boolean

    private static String dump(Schema schema) {
        StringWriter out = new StringWriter();
        SchemaDump.write(schema, out);
        return out.toString();
    }

    private static Object parse(String json) {
        try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            parser.nextToken();
            Object value = value(parser);
            assertThat(parser.nextToken()).isNull();
            return value;
        }
    }

    private static Object value(JsonParser parser) {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    assertThat(map).doesNotContainKey(name);
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER_INT:
                return parser.getIntValue();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            case VALUE_NULL:
                return null;
            default:
                throw new AssertionError("unexpected JSON token " + token);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
