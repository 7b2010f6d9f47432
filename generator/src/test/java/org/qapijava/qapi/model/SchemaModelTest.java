package org.qapijava.qapi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.source.Location;
import org.qapijava.qapi.source.SourceFile;

class SchemaModelTest {
    private static final String SCHEMA = """
            { 'struct': 'Root', 'data': { 'a': 'str', 'b': 'int' } }
            { 'struct': 'Mid', 'base': 'Root', 'data': { 'c': 'bool', 'kind': 'Kind' } }
            { 'struct': 'Leaf', 'base': 'Mid', 'data': { 'd': 'str', '*e': [ 'Leaf' ] } }
            { 'enum': 'Kind', 'data': [ 'one', 'two' ] }
            { 'union': 'Named', 'base': 'Mid', 'discriminator': 'kind', 'data': {} }
            { 'union': 'Inline', 'base': { 'kind': 'Kind', 'id': 'str' }, 'discriminator': 'kind', 'data': { 'one': 'Root' } }
            { 'command': 'cmd', 'data': { 'x': 'int' } }
            { 'command': 'cmd-named', 'data': 'Leaf' }
            { 'command': 'cmd-union', 'data': 'Inline', 'boxed': true }
            { 'command': 'cmd-none' }
            """;

    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Definition> T get(Schema schema, String name) {
        return (T) schema.lookup(name).orElseThrow();
    }

    private Schema schema() {
        return fx.schema(SCHEMA);
    }

    @Test
    void allMembersPutTheBaseChainFirst() {
        Schema schema = schema();
        assertThat(schema.allMembers(get(schema, "Leaf"))).extracting(Member::name)
                .containsExactly("a", "b", "c", "kind", "d", "e");
        assertThat(schema.allMembers(get(schema, "Root"))).extracting(Member::name).containsExactly("a", "b");
        assertThat(((StructDef) get(schema, "Leaf")).members()).extracting(Member::name).containsExactly("d", "e");
    }

    @Test
    void membersOfData() {
        Schema schema = schema();
        assertThat(schema.members(((CommandDef) get(schema, "cmd")).data())).extracting(Member::name)
                .containsExactly("x");
        assertThat(schema.members(((CommandDef) get(schema, "cmd-named")).data())).extracting(Member::name)
                .containsExactly("a", "b", "c", "kind", "d", "e");
        assertThat(schema.members(((CommandDef) get(schema, "cmd-union")).data())).extracting(Member::name)
                .containsExactly("kind", "id");
        assertThat(schema.members(((UnionDef) get(schema, "Named")).base())).extracting(Member::name)
                .containsExactly("a", "b", "c", "kind");
        assertThat(schema.members(((CommandDef) get(schema, "cmd-none")).data())).isEmpty();
    }

    @Test
    void resolveBuiltins() {
        Schema schema = schema();
        assertThat(schema.resolve(new TypeRef.Named("int"))).isSameAs(BuiltinType.INT);
        assertThat(schema.resolve(new TypeRef.Named("QType"))).isSameAs(BuiltinType.QTYPE);
        assertThat(schema.resolve(new TypeRef.Named("any")).jsonType()).isEqualTo("value");
        assertThat(schema.resolve(new TypeRef.Named("size")).jsonType()).isEqualTo("int");
    }

    @Test
    void resolveArrays() {
        Schema schema = schema();
        Type leaves = schema.resolve(new TypeRef.Array("Leaf"));
        assertThat(leaves).isEqualTo(new ArrayType(new TypeRef.Named("Leaf")));
        assertThat(leaves.name()).isEqualTo("[Leaf]");
        assertThat(leaves.jsonType()).isEqualTo("array");
        assertThat(schema.resolve(new TypeRef.Array("str")).name()).isEqualTo("[str]");
        assertThat(schema.resolve(((ArrayType) leaves).element())).isSameAs(get(schema, "Leaf"));
    }

    @Test
    void resolveDefinitions() {
        Schema schema = schema();
        assertThat(schema.resolve(new TypeRef.Named("Leaf"))).isSameAs(get(schema, "Leaf"));
        assertThat(schema.resolve(new TypeRef.Named("Kind")).jsonType()).isEqualTo("string");
        assertThat(schema.resolve(new TypeRef.Named("Inline")).jsonType()).isEqualTo("object");
        assertThatThrownBy(() -> schema.resolve(new TypeRef.Named("cmd"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schema.resolve(new TypeRef.Named("Nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no type 'Nope' in this schema");
    }

    @Test
    void typeRefsPrintAsWritten() {
        assertThat(new TypeRef.Named("str")).hasToString("str");
        assertThat(new TypeRef.Array("SnapshotInfo")).hasToString("[SnapshotInfo]");
        assertThat(new TypeRef.Array("SnapshotInfo").name()).isEqualTo("SnapshotInfo");
    }

    @Test
    void definitionsOfOneKindInOrder() {
        Schema schema = schema();
        assertThat(schema.definitions(StructDef.class)).extracting(Definition::name)
                .containsExactly("Root", "Mid", "Leaf");
        assertThat(schema.definitions(CommandDef.class)).extracting(Definition::name)
                .containsExactly("cmd", "cmd-named", "cmd-union", "cmd-none");
        assertThat(schema.definitions(AlternateDef.class)).isEmpty();
        assertThat(schema.definitions()).extracting(Definition::meta).containsExactly("struct", "struct", "struct",
                "enum", "union", "union", "command", "command", "command", "command");
        assertThat(schema.lookup("Nope")).isEmpty();
    }

    @Test
    void branchEnumAndAllBranchesOfAUnionWithoutDeclaredBranches() {
        Schema schema = schema();
        UnionDef named = get(schema, "Named");
        assertThat(schema.branchEnum(named)).isSameAs(get(schema, "Kind"));
        assertThat(schema.allBranches(named)).extracting(Branch::name, Branch::type)
                .containsExactly(tuple("one", null), tuple("two", null));
    }

    @Test
    void locationsOfDefinitionsMembersValuesBranchesAndFeatures() {
        Schema schema = fx.schema("""
                { 'enum': 'Kind',
                  'data': [ 'one', { 'name': 'two' } ] }

                    { 'struct': 'Foo',
                      'data': { 'x': 'int', '*y': 'str' }, 'features': [ 'feat' ] }
                { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',
                  'data': { 'two': 'Foo' } }
                """);
        EnumDef kind = get(schema, "Kind");
        assertThat(position(kind.location())).isEqualTo("1:1");
        assertThat(kind.values()).extracting(v -> position(v.location())).containsExactly("2:13", "2:30");
        StructDef foo = get(schema, "Foo");
        assertThat(position(foo.location())).isEqualTo("4:5");
        assertThat(foo.members()).extracting(m -> position(m.location())).containsExactly("5:17", "5:29");
        assertThat(position(foo.features().get(0).location())).isEqualTo("5:58");
        UnionDef uni = get(schema, "Uni");
        assertThat(position(uni.location())).isEqualTo("6:1");
        assertThat(position(uni.branches().get(0).location())).isEqualTo("7:13");
        assertThat(schema.members(uni.base())).extracting(m -> position(m.location())).containsExactly("6:29");
    }

    @Test
    void tabsAdvanceToTheNextMultipleOfEight() {
        Schema schema = fx.schema("\t{ 'command': 'cmd',\n\t  'data': { 'x': 'int' } }\n");
        CommandDef cmd = get(schema, "cmd");
        assertThat(position(cmd.location())).isEqualTo("1:9");
        assertThat(position(schema.members(cmd.data()).get(0).location())).isEqualTo("2:21");
    }

    @Test
    void locationsKnowTheirFile() {
        fx.file("sub/more.json", "{ 'struct': 'More', 'data': {} }\n");
        Schema schema = fx.schema("""
                { 'include': 'sub/more.json' }
                { 'struct': 'Main', 'data': { 'more': 'More' } }
                """);
        SourceFile main = get(schema, "Main").location().file();
        SourceFile more = get(schema, "More").location().file();
        assertThat(main.relativePath()).isEqualTo("schema.json");
        assertThat(main.includedAt()).isNull();
        assertThat(more.relativePath()).isEqualTo("sub/more.json");
        assertThat(position(more.includedAt())).isEqualTo("1:1");
        assertThat(more.includeChain()).extracting(l -> l.file().relativePath()).containsExactly("schema.json");
        assertThat(schema.files()).extracting(SourceFile::relativePath).containsExactly("schema.json", "sub/more.json");
        assertThat(schema.definitions()).extracting(Definition::name).containsExactly("More", "Main");
    }

    @Test
    void pragmasAreMerged() {
        fx.file("sub/more.json", "{ 'pragma': { 'command-returns-exceptions': [ 'get-name' ] } }\n");
        Schema schema = fx.schema("""
                { 'pragma': { 'command-name-exceptions': [ 'my_cmd' ] } }
                { 'include': 'sub/more.json' }
                { 'command': 'my_cmd' }
                { 'command': 'get-name', 'returns': 'str' }
                """);
        assertThat(schema.pragmas().commandNameExceptions()).containsExactly("my_cmd");
        assertThat(schema.pragmas().commandReturnsExceptions()).containsExactly("get-name");
        assertThat(schema.pragmas().memberNameExceptions()).isEmpty();
    }

    @Test
    void modelIsImmutable() {
        Schema schema = schema();
        StructDef leaf = get(schema, "Leaf");
        assertThatThrownBy(() -> schema.definitions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> leaf.members().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> leaf.features().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((EnumDef) get(schema, "Kind")).values().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> schema.files().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> schema.pragmas().commandNameExceptions().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        schema.definitions(StructDef.class).clear();
        assertThat(schema.definitions(StructDef.class)).hasSize(3);
    }

    @Test
    void recordsCopyTheirLists() {
        List<Member> members = new ArrayList<>();
        members.add(new Member("a", new TypeRef.Named("str"), false, IfCond.ALWAYS, List.of(), null));
        StructDef struct = new StructDef("Foo", null, members, IfCond.ALWAYS, List.of(), null, null);
        members.clear();
        assertThat(struct.members()).hasSize(1);
    }

    private static String position(Location location) {
        return location.line() + ":" + location.column();
    }
}
