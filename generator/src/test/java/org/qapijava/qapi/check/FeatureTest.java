package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.Feature;
import org.qapijava.qapi.model.IfCond;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;

class FeatureTest {
    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    /** Problems of {@code { 'struct': 'Foo', 'data': {}, 'features': [ LIST ] }}; LIST starts at column 46. */
    private List<String> errors(String list) {
        return fx.errors("{ 'struct': 'Foo', 'data': {}, 'features': [ " + list + " ] }\n");
    }

    @Test
    void featuresAsStringsAndObjects() {
        StructDef foo = fx.schema("""
                { 'struct': 'Foo', 'data': {}, 'features': [ 'feat', { 'name': 'other', 'if': 'CONFIG_X' } ] }
                """).definitions(StructDef.class).get(0);
        assertThat(foo.features()).extracting(Feature::name, Feature::ifCond)
                .containsExactly(tuple("feat", IfCond.ALWAYS), tuple("other", new IfCond.Name("CONFIG_X")));
        assertThat(foo.features()).noneMatch(Feature::isSpecial);
        assertThat(foo.isDeprecated()).isFalse();
    }

    @Test
    void specialFeaturesOnCommandsEventsMembersAndEnumValues() {
        Schema schema = fx.schema("""
                { 'enum': 'Color', 'data': [ 'blue', { 'name': 'red', 'features': [ 'deprecated' ] } ] }
                { 'struct': 'Foo', 'data': { 'old': { 'type': 'str', 'features': [ 'deprecated', 'unstable' ] } } }
                { 'command': 'old-cmd', 'features': [ 'deprecated' ] }
                { 'command': 'new-cmd', 'features': [ 'unstable' ] }
                { 'event': 'OLD_EVT', 'features': [ 'deprecated' ] }
                """);

        EnumDef color = schema.definitions(EnumDef.class).get(0);
        assertThat(color.values().get(1).features().get(0).isDeprecated()).isTrue();
        Member old = schema.definitions(StructDef.class).get(0).members().get(0);
        assertThat(old.features()).extracting(Feature::isDeprecated, Feature::isUnstable, Feature::isSpecial)
                .containsExactly(tuple(true, false, true), tuple(false, true, true));
        List<CommandDef> commands = schema.definitions(CommandDef.class);
        assertThat(commands.get(0).isDeprecated()).isTrue();
        assertThat(commands.get(1).isDeprecated()).isFalse();
        assertThat(commands.get(1).features().get(0).isUnstable()).isTrue();
        assertThat(schema.definitions(EventDef.class).get(0).isDeprecated()).isTrue();
    }

    @Test
    void specialFeatureOnStructIsRejected() {
        assertThat(errors("'deprecated'"))
                .containsExactly("schema.json:1:46: feature 'deprecated' of struct 'Foo' is not supported for types");
    }

    @Test
    void specialFeatureOnEnumIsRejected() {
        assertThat(fx.errors("{ 'enum': 'Color', 'data': [], 'features': [ 'unstable' ] }\n"))
                .containsExactly("schema.json:1:46: feature 'unstable' of enum 'Color' is not supported for types");
    }

    @Test
    void specialFeatureOnUnionIsRejected() {
        assertThat(fx.errors("""
                { 'enum': 'Kind', 'data': [ 'one' ] }
                { 'struct': 'One', 'data': {} }
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'One' }, 'features': [ 'deprecated' ] }
                """)).containsExactly("schema.json:3:112: feature 'deprecated' of union 'Uni' is not supported for types");
    }

    @Test
    void specialFeatureOnAlternateIsRejected() {
        assertThat(fx.errors("{ 'alternate': 'Alt', 'data': { 'i': 'int' }, 'features': [ { 'name': 'unstable' } ] }\n"))
                .containsExactly("schema.json:1:71: feature 'unstable' of alternate 'Alt' is not supported for types");
    }

    @Test
    void duplicateFeatureIsRejected() {
        assertThat(errors("'feat', 'feat'"))
                .containsExactly("schema.json:1:54: feature 'feat' of struct 'Foo' is listed twice");
        assertThat(errors("'feat', { 'name': 'feat' }"))
                .containsExactly("schema.json:1:64: feature 'feat' of struct 'Foo' is listed twice");
    }

    @Test
    void featureNamesAreLowerCase() {
        assertThat(errors("'Feat'"))
                .containsExactly("schema.json:1:46: name of feature 'Feat' of struct 'Foo' must not use uppercase or '_'");
        assertThat(errors("'my_feat'")).containsExactly(
                "schema.json:1:46: name of feature 'my_feat' of struct 'Foo' must not use uppercase or '_'");
    }

    @Test
    void featureNameWithInvalidCharacters() {
        assertThat(errors("'feat!'"))
                .containsExactly("schema.json:1:46: feature 'feat!' of struct 'Foo' has an invalid name");
    }

    @Test
    void featureNameMustNotStartWithADigit() {
        assertThat(errors("'1feat'"))
                .containsExactly("schema.json:1:46: feature '1feat' of struct 'Foo' has an invalid name");
    }

    @Test
    void featuresMustBeAList() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': {}, 'features': 'deprecated' }\n"))
                .containsExactly("schema.json:1:44: 'features' of struct 'Foo' must be an array");
    }

    @Test
    void featureObjectKeys() {
        assertThat(errors("{ 'name': 'feat', 'since': '1.0' }")).containsExactly(
                "schema.json:1:64: feature of struct 'Foo' has unknown key 'since' (valid keys: 'if', 'name')");
        assertThat(errors("{ 'if': 'CONFIG_X' }"))
                .containsExactly("schema.json:1:46: feature of struct 'Foo' misses key 'name'");
    }

    @Test
    void featureNameMustBeAString() {
        assertThat(errors("true")).containsExactly("schema.json:1:46: feature of struct 'Foo' requires a string name");
    }

    @Test
    void featureOfMemberIsNamedAfterTheMember() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': { 'type': 'str', 'features': [ 'Bad' ] } } }\n"))
                .containsExactly("schema.json:1:66: name of feature 'Bad' of member 'x' of struct 'Foo' "
                        + "must not use uppercase or '_'");
    }
}
