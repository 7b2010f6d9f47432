package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Feature;
import org.qapijava.qapi.model.IfCond;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.TypeRef;

class StructTest {
    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    private static StructDef struct(Schema schema, String name) {
        return (StructDef) schema.lookup(name).orElseThrow();
    }

    @Test
    void membersPlainOptionalArrayAndObject() {
        StructDef foo = struct(fx.schema("""
                { 'struct': 'Foo', 'data': { 'name': 'str', '*size': 'int', 'tags': [ 'str' ],
                  'old': { 'type': 'str', 'if': 'CONFIG_OLD', 'features': [ 'deprecated' ] } } }
                """), "Foo");

        assertThat(foo.base()).isNull();
        assertThat(foo.members()).extracting(Member::name).containsExactly("name", "size", "tags", "old");
        assertThat(foo.members()).extracting(Member::optional).containsExactly(false, true, false, false);
        assertThat(foo.members()).extracting(Member::type).containsExactly(new TypeRef.Named("str"),
                new TypeRef.Named("int"), new TypeRef.Array("str"), new TypeRef.Named("str"));
        Member old = foo.members().get(3);
        assertThat(old.ifCond()).isEqualTo(new IfCond.Name("CONFIG_OLD"));
        assertThat(old.features()).extracting(Feature::name).containsExactly("deprecated");
        assertThat(old.features().get(0).isDeprecated()).isTrue();
    }

    @Test
    void emptyStructIsValid() {
        assertThat(struct(fx.schema("{ 'struct': 'Empty', 'data': {} }\n"), "Empty").members()).isEmpty();
    }

    @Test
    void baseIsKeptByNameAndMembersAreOwnOnly() {
        Schema schema = fx.schema("""
                { 'struct': 'Base', 'data': { 'id': 'str' } }
                { 'struct': 'Foo', 'base': 'Base', 'data': { 'size': 'int' } }
                """);
        StructDef foo = struct(schema, "Foo");
        assertThat(foo.base()).isEqualTo("Base");
        assertThat(foo.members()).extracting(Member::name).containsExactly("size");
        assertThat(schema.allMembers(foo)).extracting(Member::name).containsExactly("id", "size");
    }

    @Test
    void dataMustBeAnObject() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': [ 'str' ] }\n"))
                .containsExactly("schema.json:1:28: 'data' of struct 'Foo' must be an object");
    }

    @Test
    void arrayTypeWithTwoElementsIsRejected() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': [ 'str', 'int' ] } }\n")).containsExactly(
                "schema.json:1:35: member 'x' of struct 'Foo': array type must contain single type name");
    }

    @Test
    void emptyArrayTypeIsRejected() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': [] } }\n")).containsExactly(
                "schema.json:1:35: member 'x' of struct 'Foo': array type must contain single type name");
    }

    @Test
    void dictAsMemberTypeIsRejected() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': { 'type': { 'a': 'str' } } } }\n"))
                .containsExactly("schema.json:1:45: member 'x' of struct 'Foo' should be a type name");
    }

    @Test
    void memberObjectNeedsType() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': { 'a': 'str' } } }\n"))
                .containsExactly("schema.json:1:35: member 'x' of struct 'Foo' misses key 'type'");
    }

    @Test
    void memberObjectWithUnknownKey() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'x': { 'type': 'str', 'default': 'a' } } }\n"))
                .containsExactly("schema.json:1:52: member 'x' of struct 'Foo' has unknown key 'default' "
                        + "(valid keys: 'features', 'if', 'type')");
    }

    @Test
    void baseMustBeAStructNotAnEnum() {
        assertThat(fx.errors("""
                { 'enum': 'Color', 'data': [] }
                { 'struct': 'Foo', 'base': 'Color', 'data': {} }
                """)).containsExactly(
                "schema.json:2:1: 'base' of struct 'Foo' requires a struct type, enum type 'Color' isn't");
    }

    @Test
    void baseMustBeAStructNotABuiltin() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'base': 'int', 'data': {} }\n")).containsExactly(
                "schema.json:1:1: 'base' of struct 'Foo' requires a struct type, built-in type 'int' isn't");
    }

    @Test
    void baseMustBeAStructNotAUnion() {
        assertThat(fx.errors("""
                { 'enum': 'Kind', 'data': [ 'one' ] }
                { 'struct': 'One', 'data': {} }
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'One' } }
                { 'struct': 'Foo', 'base': 'Uni', 'data': {} }
                """)).containsExactly(
                "schema.json:4:1: 'base' of struct 'Foo' requires a struct type, union type 'Uni' isn't");
    }

    @Test
    void baseMustExist() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'base': 'Nope', 'data': {} }\n"))
                .containsExactly("schema.json:1:1: 'base' of struct 'Foo' uses unknown type 'Nope'");
    }

    @Test
    void baseMustBeAName() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'base': { 'a': 'str' }, 'data': {} }\n"))
                .containsExactly("schema.json:1:28: 'base' of struct 'Foo' should be a type name");
    }

    @Test
    void ownMemberCollidingWithBaseMemberInCForm() {
        assertThat(fx.errors("""
                { 'pragma': { 'member-name-exceptions': [ 'Foo' ] } }
                { 'struct': 'Base', 'data': { 'a-b': 'str' } }
                { 'struct': 'Foo', 'base': 'Base', 'data': { 'a_b': 'int' } }
                """)).containsExactly("schema.json:3:46: member 'a_b' of type 'Foo' collides with member 'a-b' of type 'Base'");
    }

    @Test
    void ownMemberCollidingWithBaseOfBaseMember() {
        assertThat(fx.errors("""
                { 'struct': 'Root', 'data': { 'id': 'str' } }
                { 'struct': 'Mid', 'base': 'Root', 'data': { 'size': 'int' } }
                { 'struct': 'Foo', 'base': 'Mid', 'data': { 'id': 'int' } }
                """)).containsExactly("schema.json:3:45: member 'id' of type 'Foo' collides with member 'id' of type 'Root'");
    }

    @Test
    void ownMembersCollidingInCForm() {
        assertThat(fx.errors("""
                { 'pragma': { 'member-name-exceptions': [ 'Foo' ] } }
                { 'struct': 'Foo', 'data': { 'a-b': 'str', 'a_b': 'int' } }
                """)).containsExactly("schema.json:2:44: member 'a_b' of type 'Foo' collides with member 'a-b' of type 'Foo'");
    }

    @Test
    void structThatIsItsOwnBaseContainsItself() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'base': 'Foo', 'data': {} }\n"))
                .containsExactly("schema.json:1:1: object 'Foo' contains itself");
    }

    @Test
    void baseCycleOfTwoContainsItself() {
        assertThat(fx.errors("""
                { 'struct': 'Foo', 'base': 'Bar', 'data': {} }
                { 'struct': 'Bar', 'base': 'Foo', 'data': {} }
                """)).containsExactly("schema.json:1:1: object 'Foo' contains itself",
                "schema.json:2:1: object 'Bar' contains itself");
    }

    @Test
    void structMayReferToItselfAsAMemberType() {
        StructDef info = struct(fx.schema("""
                { 'struct': 'ImageData', 'data': { 'name': 'str', '*backing-image': 'ImageData',
                  'children': [ 'ImageData' ] } }
                """), "ImageData");
        assertThat(info.members()).extracting(Member::type)
                .containsExactly(new TypeRef.Named("str"), new TypeRef.Named("ImageData"),
                        new TypeRef.Array("ImageData"));
    }

    @Test
    void memberNamedUIsReserved() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { 'u': 'str' } }\n"))
                .containsExactly("schema.json:1:30: member 'u' of struct 'Foo' uses a reserved name");
    }

    @Test
    void memberNamesStartingWithHasAreReserved() {
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { '*has-x': 'str' } }\n"))
                .containsExactly("schema.json:1:30: member 'has-x' of struct 'Foo' uses a reserved name");
        assertThat(fx.errors("""
                { 'pragma': { 'member-name-exceptions': [ 'Foo' ] } }
                { 'struct': 'Foo', 'data': { 'has_x': 'str' } }
                """)).containsExactly("schema.json:2:30: member 'has_x' of struct 'Foo' uses a reserved name");
    }

    @Test
    void namesMerelyResemblingReservedOnesAreFine() {
        assertThat(struct(fx.schema("{ 'struct': 'Foo', 'data': { 'has': 'str', 'hash': 'str', 'us': 'int' } }\n"),
                "Foo").members()).extracting(Member::name).containsExactly("has", "hash", "us");
    }

    @Test
    void memberNameMustNotStartWithADigit() {
        // only enum values may start with a digit
        assertThat(fx.errors("{ 'struct': 'Foo', 'data': { '1x': 'str' } }\n"))
                .containsExactly("schema.json:1:30: member '1x' of struct 'Foo' has an invalid name");
    }
}
