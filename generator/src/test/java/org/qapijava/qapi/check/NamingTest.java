package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EnumValue;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;

class NamingTest {
    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    @Test
    void camelCaseTypeNames() {
        Schema schema = fx.schema("""
                { 'struct': 'BlockDeviceInfo', 'data': {} }
                { 'enum': 'Qcow2OverlapChecks', 'data': [] }
                { 'struct': 'VncInfo2', 'data': {} }
                { 'alternate': 'X86Value', 'data': { 'i': 'int' } }
                """);
        assertThat(schema.definitions()).extracting(Definition::name)
                .containsExactly("BlockDeviceInfo", "Qcow2OverlapChecks", "VncInfo2", "X86Value");
    }

    @Test
    void typeNamesMustBeCamelCase() {
        assertThat(fx.errors("{ 'struct': 'foo', 'data': {} }\n"))
                .containsExactly("schema.json:1:13: name of struct 'foo' must use CamelCase");
        assertThat(fx.errors("{ 'enum': 'COLOR', 'data': [] }\n"))
                .containsExactly("schema.json:1:11: name of enum 'COLOR' must use CamelCase");
        assertThat(fx.errors("{ 'alternate': 'Foo_Bar', 'data': { 'i': 'int' } }\n"))
                .containsExactly("schema.json:1:16: name of alternate 'Foo_Bar' must use CamelCase");
        assertThat(fx.errors("{ 'struct': 'Foo-Bar', 'data': {} }\n"))
                .containsExactly("schema.json:1:13: name of struct 'Foo-Bar' must use CamelCase");
    }

    @Test
    void typeNamesMustNotEndInList() {
        assertThat(fx.errors("{ 'struct': 'FooList', 'data': {} }\n"))
                .containsExactly("schema.json:1:13: name of struct 'FooList' should not end in 'List'");
        assertThat(fx.errors("{ 'enum': 'ColorList', 'data': [] }\n"))
                .containsExactly("schema.json:1:11: name of enum 'ColorList' should not end in 'List'");
    }

    @Test
    void commandNamesAreLowerCaseWithDashes() {
        assertThat(fx.schema("{ 'command': 'query-block-jobs' }\n").lookup("query-block-jobs")).isPresent();
        assertThat(fx.errors("{ 'command': 'query_block' }\n"))
                .containsExactly("schema.json:1:14: name of command 'query_block' must not use uppercase or '_'");
        assertThat(fx.errors("{ 'command': 'queryBlock' }\n"))
                .containsExactly("schema.json:1:14: name of command 'queryBlock' must not use uppercase or '_'");
    }

    @Test
    void commandNameExceptionsAllowUnderscoreButNotUpperCase() {
        assertThat(fx.schema("""
                { 'pragma': { 'command-name-exceptions': [ 'query_block', 'Query_block' ] } }
                { 'command': 'query_block' }
                """).lookup("query_block")).isPresent();
        assertThat(fx.errors("""
                { 'pragma': { 'command-name-exceptions': [ 'query_block', 'Query_block' ] } }
                { 'command': 'Query_block' }
                """)).containsExactly(
                "schema.json:2:14: name of command 'Query_block' must not use uppercase or '_'");
    }

    @Test
    void eventNamesAreUpperCaseWithUnderscores() {
        assertThat(fx.schema("{ 'event': 'BLOCK_JOB_COMPLETED' }\n").lookup("BLOCK_JOB_COMPLETED")).isPresent();
        assertThat(fx.errors("{ 'event': 'BLOCK-JOB' }\n"))
                .containsExactly("schema.json:1:12: name of event 'BLOCK-JOB' must not use lowercase or '-'");
    }

    @Test
    void memberNamesAreLowerCase() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'myMember': 'str' } }\n"))
                .containsExactly("schema.json:1:30: name of member 'myMember' of struct 'Foo' must not use uppercase or '_'");
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'my_member': 'str' } }\n")).containsExactly(
                "schema.json:1:30: name of member 'my_member' of struct 'Foo' must not use uppercase or '_'");
    }

    @Test
    void memberNameExceptionsRelaxOnlyTheListedType() {
        Schema schema = fx.schema("""
                { 'pragma': { 'member-name-exceptions': [ 'Foo', 'Uni' ] } }
                { 'struct': 'Foo', 'data': { 'myMember': 'str', 'my_other': 'int' } }
                { 'enum': 'Kind', 'data': [ 'one' ] }
                { 'union': 'Uni', 'base': { 'kind': 'Kind', 'CamelBase': 'int' }, 'discriminator': 'kind', 'data': { 'one': 'Foo' } }
                """);
        assertThat(((StructDef) schema.lookup("Foo").orElseThrow()).members()).extracting(Member::name)
                .containsExactly("myMember", "my_other");

        assertThat(fx.errors("""
                { 'pragma': { 'member-name-exceptions': [ 'Foo' ] } }
                { 'struct': 'Bar', 'data': { 'myMember': 'str' } }
                """)).containsExactly(
                "schema.json:2:30: name of member 'myMember' of struct 'Bar' must not use uppercase or '_'");
    }

    @Test
    void experimentalAndDownstreamPrefixes() {
        Schema schema = fx.schema("""
                { 'struct': '__com.example_Widget', 'data': { 'x-debug': 'str', '__com.example_extra': 'int' } }
                { 'enum': '__com.example_Mode', 'data': [ '__com.example_turbo', 'x-slow' ] }
                { 'command': 'x-frob', 'data': { 'widget': '__com.example_Widget' } }
                { 'command': '__com.example_frob' }
                { 'command': '__com.example_x-frob' }
                { 'event': '__com.example_FROBBED' }
                """);
        assertThat(schema.definitions()).extracting(Definition::name).containsExactly("__com.example_Widget",
                "__com.example_Mode", "x-frob", "__com.example_frob", "__com.example_x-frob", "__com.example_FROBBED");
        assertThat(((StructDef) schema.lookup("__com.example_Widget").orElseThrow()).members())
                .extracting(Member::name).containsExactly("x-debug", "__com.example_extra");
        assertThat(schema.definitions(EnumDef.class).get(0).values())
                .extracting(EnumValue::name).containsExactly("__com.example_turbo", "x-slow");
    }

    @Test
    void namesStartingWithQUnderscoreAreReserved() {
        assertThat(fx.errors("{ 'command': 'q-frob' }\n"))
                .containsExactly("schema.json:1:14: command 'q-frob' has an invalid name");
        assertThat(fx.errors("""
                { 'pragma': { 'member-name-exceptions': [ 'Foo' ] } }
                { 'struct': 'Foo', 'data': { 'q_x': 'str' } }
                """)).containsExactly("schema.json:2:30: member 'q_x' of struct 'Foo' has an invalid name");
    }

    @Test
    void invalidCharacters() {
        assertThat(fx.errors("{ 'struct': 'Foo Bar', 'data': {} }\n"))
                .containsExactly("schema.json:1:13: struct 'Foo Bar' has an invalid name");
        assertThat(fx.errors("{ 'struct': '1Foo', 'data': {} }\n"))
                .containsExactly("schema.json:1:13: struct '1Foo' has an invalid name");
        assertThat(fx.errors("{ 'command': '-frob' }\n"))
                .containsExactly("schema.json:1:14: command '-frob' has an invalid name");
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'a.b': 'str' } }\n"))
                .containsExactly("schema.json:1:30: member 'a.b' of struct 'Foo' has an invalid name");
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { '*': 'str' } }\n"))
                .containsExactly("schema.json:1:30: member '' of struct 'Foo' has an invalid name");
    }

    @Test
    void legacyDialectOnlyKeepsMembersFreeOfUpperCase() {
        // QEMU 5.2 and older, recognised by its whitelist pragma names
        Schema schema = fx.schema("""
                { 'pragma': { 'name-case-whitelist': [] } }
                { 'struct': 'my_struct', 'data': { 'some_member': 'str' } }
                { 'command': 'query_block' }
                { 'event': 'BlockJobDone' }
                """);
        assertThat(schema.definitions()).extracting(Definition::name)
                .containsExactly("my_struct", "query_block", "BlockJobDone");

        assertThat(fx.errors("""
                { 'pragma': { 'name-case-whitelist': [] } }
                { 'struct': 'Foo', 'data': { 'someMember': 'str' } }
                """)).containsExactly("schema.json:2:30: name of member 'someMember' of struct 'Foo' must not use uppercase");
    }

    @Test
    void legacyDialectRejectsKindAndListSuffixes() {
        assertThat(fx.errors("""
                { 'pragma': { 'returns-whitelist': [] } }
                { 'struct': 'FooKind', 'data': {} }
                { 'struct': 'FooList', 'data': {} }
                """)).containsExactly("schema.json:2:13: name of struct 'FooKind' should not end in 'Kind'",
                "schema.json:3:13: name of struct 'FooList' should not end in 'List'");
    }
}
