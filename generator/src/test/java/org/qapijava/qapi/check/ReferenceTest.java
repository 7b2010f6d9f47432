package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.Schema;

class ReferenceTest {
    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    @Test
    void referencesToEarlierAndLaterDefinitionsResolve() {
        Schema schema = fx.schema("""
                { 'struct': 'Early', 'data': { 'late': 'Late', 'all': [ 'Late' ] } }
                { 'struct': 'Late', 'data': { 'early': 'Early' } }
                """);
        assertThat(schema.definitions()).hasSize(2);
    }

    @Test
    void unknownMemberType() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': 'Nope' } }\n"))
                .containsExactly("schema.json:1:30: member 'x' of struct 'Foo' uses unknown type 'Nope'");
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': [ 'Nope' ] } }\n"))
                .containsExactly("schema.json:1:30: member 'x' of struct 'Foo' uses unknown type 'Nope'");
    }

    @Test
    void commandOrEventNameIsNotAType() {
        assertThat(fx.errors("""
                { 'command': 'frob' }
                { 'struct': 'Foo', 'data': { 'x': 'frob' } }
                """)).containsExactly("schema.json:2:30: member 'x' of struct 'Foo' uses command 'frob', which is not a type");
        assertThat(fx.errors("""
                { 'event': 'FROBBED' }
                { 'command': 'cmd', 'data': 'FROBBED' }
                """)).containsExactly("schema.json:2:29: 'data' of command 'cmd' uses event 'FROBBED', which is not a type");
    }

    @Test
    void definitionDefinedTwice() {
        assertThat(fx.errors("""
                { 'enum': 'Color', 'data': [] }
                { 'struct': 'Color', 'data': {} }
                """)).containsExactly("schema.json:2:1: 'Color' is already defined (previous definition at schema.json:1:1)");
    }

    @Test
    void definitionDefinedTwiceAcrossFiles() {
        fx.file("sub/colors.json", "{ 'enum': 'Color', 'data': [ 'red' ] }\n");
        assertThat(fx.errors("""
                { 'include': 'sub/colors.json' }
                  { 'enum': 'Color', 'data': [] }
                """)).containsExactly(
                "schema.json:2:3: 'Color' is already defined (previous definition at sub/colors.json:1:1)");
    }

    @Test
    void errorInIncludedFileShowsTheIncludeChain() {
        fx.file("sub/foo.json", "{ 'struct': 'Foo', 'data': { 'x': 'Nope' } }\n");
        assertThat(fx.errors("{ 'include': 'sub/foo.json' }\n")).containsExactly("""
                In file included from schema.json:1:
                sub/foo.json:1:30: member 'x' of struct 'Foo' uses unknown type 'Nope'""");
    }

    @Test
    void builtinNamesCannotBeRedefined() {
        assertThat(fx.errors("{ 'enum': 'QType', 'data': [ 'a' ] }\n"))
                .containsExactly("schema.json:1:1: 'QType' is already defined as a built-in type");
        assertThat(fx.errors("{ 'command': 'int' }\n"))
                .containsExactly("schema.json:1:1: 'int' is already defined as a built-in type");
        assertThat(fx.errors("""
                { 'pragma': { 'returns-whitelist': [] } }
                { 'struct': 'str', 'data': {} }
                """)).containsExactly("schema.json:2:1: 'str' is already defined as a built-in type");
    }

    @Test
    void builtinTypesResolve() {
        Schema schema = fx.schema("""
                { 'struct': 'All', 'data': { 'a': 'str', 'b': 'number', 'c': 'int', 'd': 'int8', 'e': 'int16',
                  'f': 'int32', 'g': 'int64', 'h': 'uint8', 'i': 'uint16', 'j': 'uint32', 'k': 'uint64',
                  'l': 'size', 'm': 'bool', 'n': 'null', 'o': 'any', 'p': 'QType' } }
                """);
        assertThat(schema.definitions()).hasSize(1);
    }

    @Test
    void useOfAnExpressionRejectedDefinitionIsNotReportedAgain() {
        assertThat(fx.errors("""
                { 'struct': 'bad', 'data': {} }
                { 'struct': 'Foo', 'base': 'bad', 'data': { 'x': 'bad', 'y': [ 'bad' ] } }
                { 'command': 'cmd', 'data': 'bad', 'returns': 'bad' }
                { 'alternate': 'Alt', 'data': { 'b': 'bad' } }
                """)).containsExactly("schema.json:1:13: name of struct 'bad' must use CamelCase");
    }

    @Test
    void useOfADefinitionWithASemanticErrorIsNotReportedAgain() {
        assertThat(fx.errors("""
                { 'struct': 'Foo', 'data': { 'x': 'Nope' } }
                { 'struct': 'Bar', 'base': 'Foo', 'data': { 'y': 'Foo' } }
                { 'command': 'cmd', 'data': 'Foo', 'returns': [ 'Foo' ] }
                """)).containsExactly("schema.json:1:30: member 'x' of struct 'Foo' uses unknown type 'Nope'");
    }

    @Test
    void independentErrorsAreAllReportedInSourceOrder() {
        assertThat(fx.errors("""
                { 'struct': 'Foo', 'data': { 'x': 'Nope' } }
                { 'enum': 'Color', 'data': [ 'Red' ] }
                { 'struct': 'Bar', 'data': { 'y': 'Nix' } }
                { 'command': 'cmd', 'gen': true }
                { 'event': 'EVT' }
                """)).containsExactly(
                "schema.json:1:30: member 'x' of struct 'Foo' uses unknown type 'Nope'",
                "schema.json:2:30: name of value 'Red' of enum 'Color' must not use uppercase or '_'",
                "schema.json:3:30: member 'y' of struct 'Bar' uses unknown type 'Nix'",
                "schema.json:4:28: flag 'gen' may only use false value");
    }

    @Test
    void arrayOfEnumResolves() {
        Schema schema = fx.schema("""
                { 'enum': 'Color', 'data': [ 'red' ] }
                { 'struct': 'Palette', 'data': { 'colors': [ 'Color' ] } }
                """);
        assertThat(schema.definitions(EnumDef.class)).hasSize(1);
    }
}
