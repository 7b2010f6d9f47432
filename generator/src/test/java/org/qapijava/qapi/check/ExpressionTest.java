package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.Schema;

/** The shape of a top-level expression: one meta key with a string name, the required keys, no others. */
class ExpressionTest {
    private static final String ONE_META = "expression must have exactly one key "
            + "'enum', 'struct', 'union', 'alternate', 'command', 'event'";

    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    @Test
    void everyMetaIsADefinition() {
        Schema schema = fx.schema("""
                { 'enum': 'Color', 'data': [ 'red' ] }
                { 'struct': 'Point', 'data': { 'x': 'int' } }
                { 'union': 'Shape', 'base': { 'color': 'Color' }, 'discriminator': 'color', 'data': { 'red': 'Point' } }
                { 'alternate': 'IntOrNull', 'data': { 'i': 'int', 'n': 'null' } }
                { 'command': 'draw', 'data': { 'shape': 'Shape' } }
                { 'event': 'DRAWN' }
                """);

        assertThat(schema.definitions()).extracting(Definition::meta)
                .containsExactly("enum", "struct", "union", "alternate", "command", "event");
        assertThat(schema.definitions()).extracting(Definition::name)
                .containsExactly("Color", "Point", "Shape", "IntOrNull", "draw", "DRAWN");
    }

    @Test
    void expressionWithoutMetaKeyIsRejected() {
        assertThat(fx.errors("{ 'data': { 'x': 'str' } }\n")).containsExactly("schema.json:1:1: " + ONE_META);
    }

    @Test
    void expressionWithTwoMetaKeysIsRejected() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'enum': 'Bar', 'data': [] }\n"))
                .containsExactly("schema.json:1:1: " + ONE_META);
    }

    @Test
    void nameMustBeAString() {
        assertThat(fx.errors("{ 'struct': [ 'Foo' ], 'data': {} }\n"))
                .containsExactly("schema.json:1:13: 'struct' requires a string name");
        assertThat(fx.errors("{ 'command': true }\n"))
                .containsExactly("schema.json:1:14: 'command' requires a string name");
    }

    @Test
    void missingRequiredKeyIsNamed() {
        assertThat(fx.errors("{ 'struct': 'Foo' }\n")).containsExactly("schema.json:1:1: struct misses key 'data'");
        assertThat(fx.errors("{ 'enum': 'Color' }\n")).containsExactly("schema.json:1:1: enum misses key 'data'");
        assertThat(fx.errors("{ 'alternate': 'Alt' }\n"))
                .containsExactly("schema.json:1:1: alternate misses key 'data'");
    }

    @Test
    void unknownKeyListsTheValidOnes() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': {}, 'returns': 'str' }\n")).containsExactly(
                "schema.json:1:32: struct has unknown key 'returns' (valid keys: 'base', 'data', 'features', 'if', 'struct')");
    }

    @Test
    void unknownKeyOfCommandListsEveryFlag() {
        assertThat(fx.errors("{ 'command': 'cmd', 'base': 'Foo' }\n")).containsExactly(
                "schema.json:1:21: command has unknown key 'base' (valid keys: 'allow-oob', 'allow-preconfig', "
                        + "'boxed', 'command', 'coroutine', 'data', 'features', 'gen', 'if', 'returns', "
                        + "'success-response')");
    }

    @Test
    void unknownKeyOfEventAndEnum() {
        assertThat(fx.errors("{ 'event': 'EVT', 'returns': 'Foo' }\n")).containsExactly(
                "schema.json:1:19: event has unknown key 'returns' (valid keys: 'boxed', 'data', 'event', 'features', 'if')");
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [], 'base': 'Foo' }\n")).containsExactly(
                "schema.json:1:32: enum has unknown key 'base' (valid keys: 'data', 'enum', 'features', 'if', 'prefix')");
    }

    @Test
    void flagsAreNotKeysOfTypes() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': {}, 'boxed': true }\n")).containsExactly(
                "schema.json:1:32: struct has unknown key 'boxed' (valid keys: 'base', 'data', 'features', 'if', 'struct')");
    }
}
