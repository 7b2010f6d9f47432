package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.AlternateDef;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.IfCond;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.UnionDef;

class ConditionTest {
    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    private static IfCond name(String name) {
        return new IfCond.Name(name);
    }

    /** The condition of a struct written as {@code { 'struct': 'Foo', 'data': {}, 'if': COND }} (COND at column 38). */
    private IfCond condition(String cond) {
        return fx.schema("{ 'struct': 'Foo', 'data': {}, 'if': " + cond + " }\n").lookup("Foo").orElseThrow().ifCond();
    }

    private List<String> errors(String cond) {
        return fx.errors("{ 'struct': 'Foo', 'data': {}, 'if': " + cond + " }\n");
    }

    @Test
    void identifier() {
        assertThat(condition("'CONFIG_X'")).isEqualTo(name("CONFIG_X"));
        assertThat(condition("'CONFIG_X'").isPresent()).isTrue();
        assertThat(fx.schema("{ 'struct': 'Foo', 'data': {} }\n").lookup("Foo").orElseThrow().ifCond())
                .isEqualTo(IfCond.ALWAYS);
    }

    @Test
    void allAnyAndNotNested() {
        assertThat(condition("{ 'all': [ 'CONFIG_A', { 'any': [ 'CONFIG_B', { 'not': 'CONFIG_C' } ] } ] }"))
                .isEqualTo(new IfCond.All(List.of(name("CONFIG_A"),
                        new IfCond.Any(List.of(name("CONFIG_B"), new IfCond.Not(name("CONFIG_C")))))));
        assertThat(condition("{ 'not': { 'any': [ 'CONFIG_A' ] } }"))
                .isEqualTo(new IfCond.Not(new IfCond.Any(List.of(name("CONFIG_A")))));
    }

    @Test
    void emptyOperandListIsUseless() {
        assertThat(errors("{ 'all': [] }"))
                .containsExactly("schema.json:1:47: 'if' condition of struct 'Foo' is an empty list, which is useless");
        assertThat(errors("{ 'any': [] }"))
                .containsExactly("schema.json:1:47: 'if' condition of struct 'Foo' is an empty list, which is useless");
    }

    @Test
    void twoOperatorKeysAreRejected() {
        assertThat(errors("{ 'all': [ 'CONFIG_A' ], 'any': [ 'CONFIG_B' ] }")).containsExactly(
                "schema.json:1:38: 'if' condition of struct 'Foo' must have exactly one of 'all', 'any', 'not'");
        assertThat(errors("{}")).containsExactly(
                "schema.json:1:38: 'if' condition of struct 'Foo' must have exactly one of 'all', 'any', 'not'");
    }

    @Test
    void unknownOperatorKeyIsRejected() {
        assertThat(errors("{ 'and': [ 'CONFIG_A' ] }")).containsExactly(
                "schema.json:1:40: 'if' condition of struct 'Foo' has unknown key 'and' (valid keys: 'all', 'any', 'not')");
    }

    @Test
    void conditionMustBeStringOrObject() {
        assertThat(errors("true"))
                .containsExactly("schema.json:1:38: 'if' condition of struct 'Foo' must be a string or an object");
    }

    @Test
    void operandsOfAllMustBeAList() {
        assertThat(errors("{ 'all': 'CONFIG_A' }"))
                .containsExactly("schema.json:1:47: 'all' in 'if' condition of struct 'Foo' must be an array");
    }

    @Test
    void lowerCaseIdentifierIsRejected() {
        assertThat(errors("'config_x'")).containsExactly(
                "schema.json:1:38: 'if' condition of struct 'Foo' 'config_x' is not a valid identifier");
        assertThat(errors("{ 'not': 'config_x' }")).containsExactly(
                "schema.json:1:47: 'if' condition of struct 'Foo' 'config_x' is not a valid identifier");
    }

    @Test
    void legacyCExpressionIsKeptAsWritten() {
        assertThat(condition("'defined(CONFIG_X)'")).isEqualTo(new IfCond.CExpression("defined(CONFIG_X)"));
        assertThat(condition("'defined(CONFIG_A) && !defined(CONFIG_B)'"))
                .isEqualTo(new IfCond.CExpression("defined(CONFIG_A) && !defined(CONFIG_B)"));
    }

    @Test
    void legacyListIsAConjunction() {
        assertThat(condition("[ 'defined(CONFIG_A)', 'defined(CONFIG_B)' ]")).isEqualTo(new IfCond.All(List.of(
                new IfCond.CExpression("defined(CONFIG_A)"), new IfCond.CExpression("defined(CONFIG_B)"))));
    }

    @Test
    void legacyListMustBeNonEmptyStrings() {
        assertThat(errors("[]"))
                .containsExactly("schema.json:1:38: 'if' condition of struct 'Foo' is an empty list, which is useless");
        assertThat(errors("[ { 'not': 'CONFIG_A' } ]"))
                .containsExactly("schema.json:1:40: 'if' condition of struct 'Foo' must be a list of strings");
    }

    @Test
    void legacyListInsideAnOperatorIsRejected() {
        // neither QEMU 5.2 (lists of strings only) nor 6.0+ (no lists) accepts a list as an operand
        assertThat(errors("{ 'not': [ 'CONFIG_A' ] }"))
                .containsExactly("schema.json:1:47: 'if' condition of struct 'Foo' must be a string or an object");
    }

    @Test
    void legacyCExpressionInsideAnOperatorIsRejected() {
        assertThat(errors("{ 'all': [ 'defined(CONFIG_A)' ] }")).containsExactly(
                "schema.json:1:49: 'if' condition of struct 'Foo' 'defined(CONFIG_A)' is not a valid identifier");
    }

    @Test
    void conditionOnMemberIsLocatedAndNamed() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': { 'type': 'str', 'if': 'bad' } } }\n")).containsExactly(
                "schema.json:1:58: 'if' condition of member 'x' of struct 'Foo' 'bad' is not a valid identifier");
    }

    @Test
    void conditionsOnEveryKindOfThing() {
        Schema schema = fx.schema("""
                { 'enum': 'Kind', 'data': [ 'one', { 'name': 'two', 'if': 'CONFIG_TWO' } ], 'if': 'CONFIG_ENUM' }
                { 'struct': 'One', 'data': { 'x': { 'type': 'int', 'if': { 'not': 'CONFIG_NO_X' } } },
                  'features': [ { 'name': 'feat', 'if': 'CONFIG_FEAT' } ] }
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',
                  'data': { 'one': { 'type': 'One', 'if': 'CONFIG_ONE' } } }
                { 'alternate': 'Alt', 'data': { 'n': { 'type': 'null', 'if': { 'any': [ 'CONFIG_N', 'CONFIG_M' ] } } } }
                { 'command': 'cmd', 'if': 'CONFIG_CMD' }
                { 'event': 'EVT', 'if': { 'all': [ 'CONFIG_A', 'CONFIG_B' ] } }
                """);

        EnumDef kind = schema.definitions(EnumDef.class).get(0);
        assertThat(kind.ifCond()).isEqualTo(name("CONFIG_ENUM"));
        assertThat(kind.values().get(1).ifCond()).isEqualTo(name("CONFIG_TWO"));
        StructDef one = schema.definitions(StructDef.class).get(0);
        assertThat(one.members().get(0).ifCond()).isEqualTo(new IfCond.Not(name("CONFIG_NO_X")));
        assertThat(one.features().get(0).ifCond()).isEqualTo(name("CONFIG_FEAT"));
        assertThat(schema.definitions(UnionDef.class).get(0).branches().get(0).ifCond()).isEqualTo(name("CONFIG_ONE"));
        assertThat(schema.definitions(AlternateDef.class).get(0).branches().get(0).ifCond())
                .isEqualTo(new IfCond.Any(List.of(name("CONFIG_N"), name("CONFIG_M"))));
        assertThat(schema.definitions(CommandDef.class).get(0).ifCond()).isEqualTo(name("CONFIG_CMD"));
        assertThat(schema.definitions(EventDef.class).get(0).ifCond())
                .isEqualTo(new IfCond.All(List.of(name("CONFIG_A"), name("CONFIG_B"))));
    }

    @Test
    void conditionalDefinitionsAreAllKept() {
        Schema schema = fx.schema("""
                { 'struct': 'Spice', 'data': { 'port': 'int' }, 'if': 'CONFIG_SPICE' }
                { 'struct': 'Vnc', 'data': { 'port': 'int' }, 'if': { 'not': 'CONFIG_SPICE' } }
                { 'command': 'query-spice', 'returns': 'Spice', 'if': 'CONFIG_SPICE' }
                """);
        assertThat(schema.definitions()).extracting(Definition::name).containsExactly("Spice", "Vnc", "query-spice");
    }

    @Test
    void badConditionOnAFeature() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': {}, 'features': [ { 'name': 'feat', 'if': [] } ] }\n"))
                .containsExactly("schema.json:1:70: 'if' condition of feature 'feat' of struct 'Foo' is an empty list, "
                        + "which is useless");
    }
}
