package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EnumValue;
import org.qapijava.qapi.model.Feature;
import org.qapijava.qapi.model.IfCond;

class EnumTest {
    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    private EnumDef enumOf(String text) {
        return fx.schema(text).definitions(EnumDef.class).get(0);
    }

    @Test
    void valuesAsStringsAndAsObjects() {
        EnumDef color = enumOf("""
                { 'enum': 'Color', 'data': [ 'red',
                    { 'name': 'green', 'if': 'CONFIG_GREEN', 'features': [ 'unstable' ] },
                    { 'name': 'blue' } ] }
                """);

        assertThat(color.values()).extracting(EnumValue::name).containsExactly("red", "green", "blue");
        assertThat(color.values().get(0).ifCond()).isEqualTo(IfCond.ALWAYS);
        assertThat(color.values().get(0).features()).isEmpty();
        assertThat(color.values().get(1).ifCond()).isEqualTo(new IfCond.Name("CONFIG_GREEN"));
        assertThat(color.values().get(1).features()).extracting(Feature::name).containsExactly("unstable");
        assertThat(color.values().get(2).ifCond()).isEqualTo(IfCond.ALWAYS);
        assertThat(color.prefix()).isNull();
    }

    @Test
    void emptyEnumIsValid() {
        assertThat(enumOf("{ 'enum': 'Nothing', 'data': [] }\n").values()).isEmpty();
    }

    @Test
    void prefixIsKept() {
        assertThat(enumOf("{ 'enum': 'Color', 'data': [ 'red' ], 'prefix': 'COL' }\n").prefix()).isEqualTo("COL");
    }

    @Test
    void prefixMustBeAString() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [], 'prefix': true }\n"))
                .containsExactly("schema.json:1:42: 'prefix' of enum 'Color' must be a string");
    }

    @Test
    void valuesMayStartWithADigit() {
        assertThat(enumOf("{ 'enum': 'PageSize', 'data': [ '4k', '2m', '1g' ] }\n").values())
                .extracting(EnumValue::name).containsExactly("4k", "2m", "1g");
    }

    @Test
    void valuesThatAgreeInCCollide() {
        assertThat(fx.errors("""
                { 'pragma': { 'member-name-exceptions': [ 'Color' ] } }
                { 'enum': 'Color', 'data': [ 'a-b', 'a_b' ] }
                """)).containsExactly("schema.json:2:37: value 'a_b' of enum 'Color' collides with value 'a-b'");
    }

    @Test
    void sameValueTwiceCollides() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [ 'red', { 'name': 'red' } ] }\n"))
                .containsExactly("schema.json:1:47: value 'red' of enum 'Color' collides with value 'red'");
    }

    @Test
    void dataMustBeAList() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': { 'red': 'str' } }\n"))
                .containsExactly("schema.json:1:28: 'data' of enum 'Color' must be an array");
    }

    @Test
    void valueObjectWithUnknownKey() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [ { 'name': 'red', 'type': 'str' } ] }\n")).containsExactly(
                "schema.json:1:47: value of enum 'Color' has unknown key 'type' (valid keys: 'features', 'if', 'name')");
    }

    @Test
    void valueObjectWithoutName() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [ { 'if': 'CONFIG_X' } ] }\n"))
                .containsExactly("schema.json:1:30: value of enum 'Color' misses key 'name'");
    }

    @Test
    void valueMustBeAString() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [ 'red', true ] }\n"))
                .containsExactly("schema.json:1:37: value of enum 'Color' requires a string name");
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [ { 'name': [ 'red' ] } ] }\n"))
                .containsExactly("schema.json:1:40: value of enum 'Color' requires a string name");
    }

    @Test
    void valuesAreLowerCaseUnlessExcepted() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [ 'dark_red' ] }\n")).containsExactly(
                "schema.json:1:30: name of value 'dark_red' of enum 'Color' must not use uppercase or '_'");
        EnumDef excepted = enumOf("""
                { 'pragma': { 'member-name-exceptions': [ 'Color' ] } }
                { 'enum': 'Color', 'data': [ 'dark_red', 'Blue' ] }
                """);
        assertThat(excepted.values()).extracting(EnumValue::name).containsExactly("dark_red", "Blue");
    }

    @Test
    void valueWithInvalidCharacters() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [ 'red!' ] }\n"))
                .containsExactly("schema.json:1:30: value 'red!' of enum 'Color' has an invalid name");
    }
}
