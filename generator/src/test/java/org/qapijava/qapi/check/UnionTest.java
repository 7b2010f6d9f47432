package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Branch;
import org.qapijava.qapi.model.BuiltinType;
import org.qapijava.qapi.model.Data;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EnumValue;
import org.qapijava.qapi.model.IfCond;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.Type;
import org.qapijava.qapi.model.TypeRef;
import org.qapijava.qapi.model.UnionDef;

class UnionTest {
    /** Lines 1 to 3; a union on line 4 has its first branch key at column 82 (inline base) or 73 (named). */
    private static final String PRELUDE = """
            { 'enum': 'Kind', 'data': [ 'one', 'two' ] }
            { 'struct': 'One', 'data': { 'a': 'int' } }
            { 'struct': 'Two', 'data': { 'b': 'str' } }
            """;

    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    private static UnionDef union(Schema schema, String name) {
        return (UnionDef) schema.lookup(name).orElseThrow();
    }

    @Test
    void inlineBase() {
        Schema schema = fx.schema(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'One', 'two': 'Two' } }
                """);
        UnionDef uni = union(schema, "Uni");

        assertThat(uni.isSimple()).isFalse();
        assertThat(uni.discriminator()).isEqualTo("kind");
        assertThat(uni.base()).isInstanceOf(Data.Inline.class);
        assertThat(schema.members(uni.base())).extracting(Member::name).containsExactly("kind");
        assertThat(uni.branches()).extracting(Branch::name, Branch::type)
                .containsExactly(tuple("one", new TypeRef.Named("One")), tuple("two", new TypeRef.Named("Two")));
        assertThat(schema.branchEnum(uni)).isSameAs(schema.lookup("Kind").orElseThrow());
    }

    @Test
    void namedBase() {
        Schema schema = fx.schema(PRELUDE + """
                { 'struct': 'UniBase', 'data': { 'kind': 'Kind', '*extra': 'str' } }
                { 'union': 'Uni', 'base': 'UniBase', 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """);
        UnionDef uni = union(schema, "Uni");

        assertThat(uni.base()).isInstanceOf(Data.TypeName.class);
        assertThat(((Data.TypeName) uni.base()).name()).isEqualTo("UniBase");
        assertThat(schema.members(uni.base())).extracting(Member::name).containsExactly("kind", "extra");
        assertThat(schema.branchEnum(uni).name()).isEqualTo("Kind");
    }

    @Test
    void discriminatorMayComeFromTheBaseOfTheBase() {
        Schema schema = fx.schema(PRELUDE + """
                { 'struct': 'Root', 'data': { 'kind': 'Kind' } }
                { 'struct': 'Mid', 'base': 'Root', 'data': { 'id': 'str' } }
                { 'union': 'Uni', 'base': 'Mid', 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """);
        assertThat(schema.branchEnum(union(schema, "Uni")).name()).isEqualTo("Kind");
    }

    @Test
    void discriminatorMustBeAMemberOfTheInlineBase() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'type', 'data': { 'one': 'One' } }
                """)).containsExactly(
                "schema.json:4:1: discriminator 'type' of union 'Uni' is not a member of the base of union 'Uni'");
    }

    @Test
    void discriminatorMustBeAMemberOfTheNamedBase() {
        assertThat(fx.errors(PRELUDE + """
                { 'struct': 'UniBase', 'data': { 'kind': 'Kind' } }
                { 'union': 'Uni', 'base': 'UniBase', 'discriminator': 'type', 'data': { 'one': 'One' } }
                """)).containsExactly(
                "schema.json:5:1: discriminator 'type' of union 'Uni' is not a member of base type 'UniBase'");
    }

    @Test
    void discriminatorMustBeOfEnumType() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'str' }, 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """)).containsExactly(
                "schema.json:4:1: discriminator member 'kind' of the base of union 'Uni' must be of enum type");
        assertThat(fx.errors(PRELUDE + """
                { 'struct': 'UniBase', 'data': { 'kind': 'One' } }
                { 'union': 'Uni', 'base': 'UniBase', 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """)).containsExactly(
                "schema.json:5:1: discriminator member 'kind' of base type 'UniBase' must be of enum type");
    }

    @Test
    void discriminatorMayBeTheBuiltinQType() {
        Schema schema = fx.schema(PRELUDE + """
                { 'union': 'ByType', 'base': { 'type': 'QType' }, 'discriminator': 'type', 'data': { 'qnum': 'One' } }
                """);
        UnionDef byType = union(schema, "ByType");

        EnumDef qtype = schema.branchEnum(byType);
        assertThat(qtype.name()).isEqualTo("QType");
        assertThat(qtype.values()).extracting(EnumValue::name).containsExactlyElementsOf(BuiltinType.QTYPE_VALUES);
        assertThat(schema.allBranches(byType)).extracting(Branch::name)
                .containsExactly("qnum", "none", "qnull", "qstring", "qdict", "qlist", "qbool");
    }

    @Test
    void discriminatorMustNotBeOptional() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { '*kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """)).containsExactly(
                "schema.json:4:1: discriminator member 'kind' of the base of union 'Uni' must not be optional");
    }

    @Test
    void discriminatorMustNotBeConditional() {
        assertThat(fx.errors(PRELUDE + """
                { 'struct': 'UniBase', 'data': { 'kind': { 'type': 'Kind', 'if': 'CONFIG_X' } } }
                { 'union': 'Uni', 'base': 'UniBase', 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """)).containsExactly(
                "schema.json:5:1: discriminator member 'kind' of base type 'UniBase' must not be conditional");
    }

    @Test
    void discriminatorMustBeAString() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': [ 'kind' ], 'data': { 'one': 'One' } }
                """)).containsExactly("schema.json:4:64: 'discriminator' of union 'Uni' must be a string");
    }

    @Test
    void branchMustBeAValueOfTheEnum() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'three': 'One' } }
                """)).containsExactly(
                "schema.json:4:82: branch 'three' of union 'Uni' is not a value of enum type 'Kind'");
    }

    @Test
    void branchTypeMustNotBeABuiltin() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'int' } }
                """)).containsExactly("schema.json:4:82: branch 'one' of union 'Uni' cannot use built-in type 'int'");
    }

    @Test
    void branchTypeMustNotBeAnEnum() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'Kind' } }
                """)).containsExactly("schema.json:4:82: branch 'one' of union 'Uni' cannot use enum type 'Kind'");
    }

    @Test
    void branchTypeMustNotBeAnAlternate() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'Alt' } }
                { 'alternate': 'Alt', 'data': { 'i': 'int', 'o': 'One' } }
                """)).containsExactly("schema.json:4:82: branch 'one' of union 'Uni' cannot use alternate type 'Alt'");
    }

    @Test
    void branchTypeMustNotBeAnArray() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': [ 'One' ] } }
                """)).containsExactly("schema.json:4:89: branch 'one' of union 'Uni' cannot be an array");
    }

    @Test
    void branchMemberMustNotCollideWithInlineBaseMember() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind', 'a': 'str' }, 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """)).containsExactly("schema.json:2:30: member 'a' of type 'One' (in branch 'one' of union 'Uni') "
                + "collides with member 'a'");
    }

    @Test
    void branchMemberMustNotCollideWithNamedBaseMember() {
        assertThat(fx.errors(PRELUDE + """
                { 'struct': 'UniBase', 'data': { 'kind': 'Kind', 'b': 'int' } }
                { 'union': 'Uni', 'base': 'UniBase', 'discriminator': 'kind', 'data': { 'one': 'One', 'two': 'Two' } }
                """)).containsExactly("schema.json:3:30: member 'b' of type 'Two' (in branch 'two' of union 'Uni') "
                + "collides with member 'b' of type 'UniBase'");
    }

    @Test
    void branchesMayShareMemberNamesWithEachOther() {
        Schema schema = fx.schema("""
                { 'enum': 'Kind', 'data': [ 'one', 'two' ] }
                { 'struct': 'One', 'data': { 'a': 'int' } }
                { 'struct': 'Two', 'data': { 'a': 'str' } }
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'One', 'two': 'Two' } }
                """);
        assertThat(union(schema, "Uni").branches()).hasSize(2);
    }

    @Test
    void discriminatorWithoutBase() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """)).containsExactly("schema.json:4:1: union misses key 'base'");
    }

    @Test
    void baseWithoutDiscriminator() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'data': { 'one': 'One' } }
                """)).containsExactly("schema.json:4:27: 'base' of union 'Uni' requires 'discriminator'");
    }

    @Test
    void dataMustBeAnObject() {
        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': [ 'One' ] }
                """)).containsExactly("schema.json:4:80: 'data' of union 'Uni' must be an object");
    }

    @Test
    void branchObjectTakesTypeAndIfOnly() {
        Schema schema = fx.schema(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': { 'type': 'One', 'if': 'CONFIG_ONE' } } }
                """);
        assertThat(union(schema, "Uni").branches().get(0).ifCond()).isEqualTo(new IfCond.Name("CONFIG_ONE"));

        assertThat(fx.errors(PRELUDE + """
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': { 'type': 'One', 'features': [] } } }
                """)).containsExactly("schema.json:4:106: branch 'one' of union 'Uni' has unknown key 'features' "
                + "(valid keys: 'if', 'type')");
    }

    @Test
    void enumValuesWithoutBranchesGetEmptyBranchesInEnumOrder() {
        Schema schema = fx.schema("""
                { 'enum': 'Kind', 'data': [ 'one', 'two', { 'name': 'three', 'if': 'CONFIG_THREE' } ] }
                { 'struct': 'Two', 'data': { 'b': 'str' } }
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'two': 'Two' } }
                """);
        UnionDef uni = union(schema, "Uni");

        assertThat(uni.branches()).extracting(Branch::name).containsExactly("two");
        assertThat(schema.allBranches(uni)).extracting(Branch::name, Branch::type, Branch::ifCond).containsExactly(
                tuple("two", new TypeRef.Named("Two"), IfCond.ALWAYS),
                tuple("one", null, IfCond.ALWAYS),
                tuple("three", null, new IfCond.Name("CONFIG_THREE")));
    }

    @Test
    void unionWithoutAnyBranchIsRejected() {
        assertThat(fx.errors("""
                { 'enum': 'Nothing', 'data': [] }
                { 'union': 'Uni', 'base': { 'kind': 'Nothing' }, 'discriminator': 'kind', 'data': {} }
                """)).containsExactly("schema.json:2:1: union 'Uni' has no branches");
    }

    @Test
    void discriminatorOfUnknownTypeIsReportedOnce() {
        assertThat(fx.errors("""
                { 'struct': 'UniBase', 'data': { 'kind': 'Nope' } }
                { 'struct': 'One', 'data': {} }
                { 'union': 'Uni', 'base': 'UniBase', 'discriminator': 'kind', 'data': { 'one': 'One' } }
                """)).containsExactly("schema.json:1:34: member 'kind' of struct 'UniBase' uses unknown type 'Nope'");
    }

    // Legacy simple unions (QEMU 6.1 and before)

    @Test
    void simpleUnionBranchesMayUseAnyType() {
        Schema schema = fx.schema(PRELUDE + """
                { 'union': 'Simple', 'data': { 'num': 'int', 'list': [ 'str' ], 'obj': 'One', 'kind': 'Kind' } }
                """);
        UnionDef simple = union(schema, "Simple");

        assertThat(simple.isSimple()).isTrue();
        assertThat(simple.base()).isNull();
        assertThat(simple.discriminator()).isNull();
        assertThat(simple.branches()).extracting(Branch::type).containsExactly(new TypeRef.Named("int"),
                new TypeRef.Array("str"), new TypeRef.Named("One"), new TypeRef.Named("Kind"));
        assertThat(schema.allBranches(simple)).isEqualTo(simple.branches());
    }

    @Test
    void simpleUnionHasAnImplicitKindEnum() {
        Schema schema = fx.schema("""
                { 'union': 'Simple', 'data': { 'num': 'int', 'text': { 'type': 'str', 'if': 'CONFIG_TEXT' } } }
                { 'struct': 'Holder', 'data': { 'kind': 'SimpleKind' } }
                """);
        UnionDef simple = union(schema, "Simple");

        assertThat(simple.implicitEnumName()).isEqualTo("SimpleKind");
        Type kind = schema.resolve(new TypeRef.Named("SimpleKind"));
        assertThat(kind).isInstanceOf(EnumDef.class);
        assertThat(((EnumDef) kind).values()).extracting(EnumValue::name, EnumValue::ifCond)
                .containsExactly(tuple("num", IfCond.ALWAYS), tuple("text", new IfCond.Name("CONFIG_TEXT")));
        assertThat(schema.branchEnum(simple).name()).isEqualTo("SimpleKind");
        assertThat(schema.lookup("SimpleKind")).isEmpty();
    }

    @Test
    void simpleUnionBranchNamesAreLowerCase() {
        assertThat(fx.errors("{ 'union': 'Simple', 'data': { 'Num': 'int' } }\n"))
                .containsExactly("schema.json:1:32: name of branch 'Num' of union 'Simple' must not use uppercase or '_'");
    }

    @Test
    void simpleUnionWithoutBranches() {
        assertThat(fx.errors("{ 'union': 'Simple', 'data': {} }\n"))
                .containsExactly("schema.json:1:1: union 'Simple' has no branches");
    }

    @Test
    void simpleUnionKindClashesWithEarlierType() {
        assertThat(fx.errors("""
                { 'enum': 'SimpleKind', 'data': [ 'num' ] }
                { 'union': 'Simple', 'data': { 'num': 'int' } }
                """)).containsExactly("schema.json:2:1: union 'Simple' needs the name 'SimpleKind' for its branch enum, "
                + "but 'SimpleKind' is already defined");
    }

    @Test
    void simpleUnionKindClashesWithLaterType() {
        assertThat(fx.errors("""
                { 'union': 'Simple', 'data': { 'num': 'int' } }
                { 'struct': 'SimpleKind', 'data': {} }
                """)).containsExactly(
                "schema.json:2:1: 'SimpleKind' is already defined implicitly, as the branch enum of union 'Simple'");
    }

    @Test
    void simpleUnionRejectedForItsKindDoesNotCascade() {
        assertThat(fx.errors("""
                { 'enum': 'SimpleKind', 'data': [ 'num' ] }
                { 'union': 'Simple', 'data': { 'num': 'int' } }
                { 'struct': 'Holder', 'data': { 'value': 'Simple' } }
                """)).containsExactly("schema.json:2:1: union 'Simple' needs the name 'SimpleKind' for its branch enum, "
                + "but 'SimpleKind' is already defined");
    }

    @Test
    void implicitKindEnumOfARejectedUnionDoesNotCascade() {
        assertThat(fx.errors("""
                { 'union': 'Simple', 'data': { 'Num': 'int' } }
                { 'struct': 'Holder', 'data': { 'kind': 'SimpleKind' } }
                """)).containsExactly("schema.json:1:32: name of branch 'Num' of union 'Simple' must not use uppercase or '_'");
    }

    @Test
    void implicitKindEnumIsAnEnumForReturns() {
        assertThat(fx.errors("""
                { 'union': 'Simple', 'data': { 'num': 'int' } }
                { 'command': 'get-kind', 'returns': 'SimpleKind' }
                """)).containsExactly("schema.json:2:1: 'returns' of command 'get-kind' cannot take enum type 'SimpleKind'");
    }

    @Test
    void implicitKindEnumIsAStringForAlternates() {
        assertThat(fx.errors("""
                { 'union': 'Simple', 'data': { 'num': 'int' } }
                { 'alternate': 'Alt', 'data': { 'k': 'SimpleKind', 's': 'str' } }
                """)).containsExactly("schema.json:2:52: branch 's' of alternate 'Alt' can't be distinguished from branch 'k'");
    }

    @Test
    void implicitKindEnumIsNotAStructForBase() {
        assertThat(fx.errors("""
                { 'union': 'Simple', 'data': { 'num': 'int' } }
                { 'struct': 'Foo', 'base': 'SimpleKind', 'data': {} }
                """)).containsExactly(
                "schema.json:2:1: 'base' of struct 'Foo' requires a struct type, enum type 'SimpleKind' isn't");
    }
}
