package org.qapijava.qapi.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.IfCond;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.TypeRef;

/** The JSON-like surface syntax: tokens, values, and how syntax errors are reported and recovered from. */
class SyntaxTest {
    @TempDir
    Path dir;

    private SchemaFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SchemaFixture(dir);
    }

    // --- accepted -------------------------------------------------------------------------------------------

    @Test
    void readsSingleQuotedStringsCommentsAndBooleans() {
        Schema schema = fixture.schema("""
                # a comment on its own line
                { 'struct': 'Point',     # a comment after code
                  'data': { 'x': 'int', '*y': 'int' } }
                # another comment
                { 'command': 'ping', 'allow-oob': true, 'success-response': false }
                """);

        StructDef point = (StructDef) schema.lookup("Point").orElseThrow();
        assertThat(point.members()).extracting(Member::name, Member::optional)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", false),
                        org.assertj.core.groups.Tuple.tuple("y", true));
        CommandDef ping = (CommandDef) schema.lookup("ping").orElseThrow();
        assertThat(ping.allowOob()).isTrue();
        assertThat(ping.successResponse()).isFalse();
    }

    @Test
    void readsNestedListsAndObjects() {
        Schema schema = fixture.schema("""
                { 'struct': 'Nested',
                  'data': { 'list': { 'type': [ 'str' ], 'features': [ { 'name': 'unstable' } ] } },
                  'if': { 'all': [ 'CONFIG_A', { 'not': 'CONFIG_B' } ] } }
                """);

        StructDef nested = (StructDef) schema.lookup("Nested").orElseThrow();
        assertThat(nested.members().get(0).type()).isEqualTo(new TypeRef.Array("str"));
        assertThat(nested.members().get(0).features()).extracting(f -> f.name()).containsExactly("unstable");
        assertThat(nested.ifCond()).isEqualTo(new IfCond.All(
                List.of(new IfCond.Name("CONFIG_A"), new IfCond.Not(new IfCond.Name("CONFIG_B")))));
    }

    @Test
    void readsEmptyObjectsAndLists() {
        Schema schema = fixture.schema("""
                { 'struct': 'Empty', 'data': {} }
                { 'enum': 'Nothing', 'data': [] }
                """);

        assertThat(((StructDef) schema.lookup("Empty").orElseThrow()).members()).isEmpty();
        assertThat(((EnumDef) schema.lookup("Nothing").orElseThrow()).values()).isEmpty();
    }

    @Test
    void anEmptyFileIsAnEmptySchema() {
        assertThat(fixture.schema("").definitions()).isEmpty();
        assertThat(fixture.schema("# only a comment\n").definitions()).isEmpty();
    }

    @Test
    void doubleBackslashIsTheOneEscape() {
        Schema schema = fixture.schema("""
                { 'enum': 'Ee', 'data': [ 'a' ], 'prefix': 'X\\\\Y' }
                """);

        assertThat(((EnumDef) schema.lookup("Ee").orElseThrow()).prefix()).isEqualTo("X\\Y");
    }

    @Test
    void readsAFileWithoutTrailingNewline() {
        Schema schema = fixture.schema("{ 'enum': 'Ee', 'data': [ 'a' ] }");

        assertThat(schema.definitions()).extracting(d -> d.name()).containsExactly("Ee");
    }

    @Test
    void readsCrLfLineEndingsAsWhitespace() {
        Schema schema = fixture.schema("# comment\r\n{ 'struct': 'Aa',\r\n  'data': { 'x': 'int' } }\r\n");

        assertThat(schema.definitions()).extracting(d -> d.name()).containsExactly("Aa");
        assertThat(schema.definitions().get(0).location().line()).isEqualTo(2);
    }

    @Test
    void crLfLineEndingsDoNotBreakDocComments() {
        Schema schema = fixture.schema("##\r\n# @Aa:\r\n#\r\n# Some text.\r\n#\r\n# @x: the x\r\n##\r\n"
                + "{ 'struct': 'Aa', 'data': { 'x': 'int' } }\r\n");

        StructDef a = (StructDef) schema.lookup("Aa").orElseThrow();
        assertThat(a.doc().symbol()).isEqualTo("Aa");
        assertThat(a.doc().body()).isEqualTo("Some text.");
        assertThat(a.doc().member("x").orElseThrow().text()).isEqualTo("the x");
    }

    @Test
    void crLfPositionsCountLinesAndColumnsAsWithLf() {
        assertThat(fixture.errors("{ 'struct': 'Aa',\r\n  'data': { 'x': 42 } }\r\n"))
                .containsExactly("schema.json:2:18: stray '42'");
    }

    // --- rejected tokens ------------------------------------------------------------------------------------

    @Test
    void rejectsNumbers() {
        assertThat(fixture.errors("{ 'a': 42 }\n")).containsExactly("schema.json:1:8: stray '42'");
        assertThat(fixture.errors("{ 'a': -1 }\n")).containsExactly("schema.json:1:8: stray '-1'");
    }

    @Test
    void rejectsNullAndOtherBareWords() {
        assertThat(fixture.errors("{ 'a': null }\n")).containsExactly("schema.json:1:8: stray 'null'");
        assertThat(fixture.errors("{ 'a': True }\n")).containsExactly("schema.json:1:8: stray 'True'");
    }

    @Test
    void rejectsDoubleQuotes() {
        assertThat(fixture.errors("{ \"a\": 'b' }\n")).containsExactly("schema.json:1:3: stray '\"'");
    }

    @Test
    void rejectsUnknownEscapes() {
        assertThat(fixture.errors("{ 'a': 'x\\nb' }\n")).containsExactly("schema.json:1:10: unknown escape \\n");
        assertThat(fixture.errors("{ 'a': 'x\\'b' }\n")).containsExactly("schema.json:1:10: unknown escape \\'");
    }

    @Test
    void rejectsNonAsciiInStrings() {
        assertThat(fixture.errors("{ 'a': 'café' }\n")).containsExactly("schema.json:1:12: funny character in string");
    }

    @Test
    void rejectsControlCharactersInStrings() {
        assertThat(fixture.errors("{ 'a': 'x\ty' }\n")).containsExactly("schema.json:1:10: funny character in string");
        assertThat(fixture.errors("{ 'a': 'x\u0001y' }\n"))
                .containsExactly("schema.json:1:10: funny character in string");
    }

    @Test
    void rejectsAStringWithoutTerminatingQuote() {
        assertThat(fixture.errors("""
                { 'struct': 'Aa',
                  'data': { 'x': 'int } }
                """)).containsExactly("schema.json:2:18: missing terminating \"'\"");
    }

    @Test
    void rejectsAStringUnterminatedAtEndOfFileWithoutNewline() {
        assertThat(fixture.errors("{ 'a': 'abc")).containsExactly("schema.json:1:8: missing terminating \"'\"");
    }

    @Test
    void aBackslashAtTheEndOfALineLeavesTheStringUnterminated() {
        assertThat(fixture.errors("{ 'a': 'x\\\n")).containsExactly("schema.json:1:8: missing terminating \"'\"");
    }

    // --- rejected structure ---------------------------------------------------------------------------------

    @Test
    void rejectsDuplicateKeysAtTheSecondKey() {
        assertThat(fixture.errors("""
                { 'struct': 'Aa',
                  'data': {},
                  'data': {} }
                """)).containsExactly("schema.json:3:3: duplicate key 'data'");
    }

    @Test
    void rejectsDuplicateKeysInNestedObjects() {
        assertThat(fixture.errors("{ 'struct': 'Aa', 'data': { 'x': 'int', 'x': 'str' } }\n"))
                .containsExactly("schema.json:1:41: duplicate key 'x'");
    }

    @Test
    void rejectsAMissingColon() {
        assertThat(fixture.errors("{ 'struct' 'Aa' }\n")).containsExactly("schema.json:1:12: expected ':'");
    }

    @Test
    void rejectsAMissingComma() {
        assertThat(fixture.errors("{ 'struct': 'Aa' 'data': {} }\n"))
                .containsExactly("schema.json:1:18: expected ',' or '}'");
        assertThat(fixture.errors("{ 'enum': 'Ee', 'data': [ 'a' 'b' ] }\n"))
                .containsExactly("schema.json:1:31: expected ',' or ']'");
    }

    @Test
    void rejectsAMissingClosingBracket() {
        assertThat(fixture.errors("{ 'enum': 'Ee', 'data': [ 'a' }\n"))
                .containsExactly("schema.json:1:31: expected ',' or ']'");
    }

    @Test
    void rejectsMisplacedTokens() {
        assertThat(fixture.errors("{ true: 'x' }\n")).containsExactly("schema.json:1:3: expected string or '}'");
        assertThat(fixture.errors("{ 'a': 'b', }\n")).containsExactly("schema.json:1:13: expected string");
        assertThat(fixture.errors("{ 'a': }\n"))
                .containsExactly("schema.json:1:8: expected '{', '[', string, or boolean");
        assertThat(fixture.errors("{ 'a': [ : ] }\n"))
                .containsExactly("schema.json:1:10: expected '{', '[', ']', string, or boolean");
        assertThat(fixture.errors("{ 'a': [ 'b', ] }\n"))
                .containsExactly("schema.json:1:15: expected '{', '[', string, or boolean");
    }

    @Test
    void rejectsTrailingJunk() {
        assertThat(fixture.errors("{ 'enum': 'Ee', 'data': [] } junk\n")).containsExactly("schema.json:1:30: stray 'junk'");
        assertThat(fixture.errors("{ 'enum': 'Ee', 'data': [] } }\n"))
                .containsExactly("schema.json:1:30: expected '{', '[', string, or boolean");
    }

    @Test
    void rejectsATopLevelNonObject() {
        assertThat(fixture.errors("[ 'a' ]\n")).containsExactly("schema.json:1:1: top-level expression must be an object");
        assertThat(fixture.errors("\n  'a'\n")).containsExactly("schema.json:2:3: top-level expression must be an object");
    }

    @Test
    void aTopLevelNonObjectDoesNotHideTheNextDefinition() {
        assertThat(fixture.errors("""
                [ 'a' ]
                { 'struct': 'Bb', 'data': {} }
                { 'struct': 'Cc', 'data': { 'b': 'Bb' } }
                """)).containsExactly("schema.json:1:1: top-level expression must be an object");
    }

    @Test
    void endOfFileInsideAnObjectSaysSo() {
        // reported at the end of the last line, where QEMU reports it too
        assertThat(fixture.errors("{ 'struct': 'Aa', 'data': {}\n"))
                .containsExactly("schema.json:1:29: expected ',' or '}', found end of file");
    }

    @Test
    void endOfFileWithoutNewlineInsideAnObjectSaysSo() {
        assertThat(fixture.errors("{ 'enum': 'Ee'")).containsExactly("schema.json:1:15: expected ',' or '}', found end of file");
        assertThat(fixture.errors("{ 'enum': 'Ee', 'data': [")).containsExactly(
                "schema.json:1:26: expected '{', '[', ']', string, or boolean, found end of file");
    }

    // --- columns --------------------------------------------------------------------------------------------

    @Test
    void tabsAdvanceColumnsToTheNextMultipleOfEightPlusOne() {
        assertThat(fixture.errors("\t{ 'a': 42 }\n")).containsExactly("schema.json:1:16: stray '42'");
        assertThat(fixture.errors("{ 'a':\t42 }\n")).containsExactly("schema.json:1:9: stray '42'");
        assertThat(fixture.errors("{ 'aaaaaa':\t42 }\n")).containsExactly("schema.json:1:17: stray '42'");
        assertThat(fixture.errors("{ 'a':\t\t42 }\n")).containsExactly("schema.json:1:17: stray '42'");
    }

    @Test
    void tabsCountInStringErrorsToo() {
        assertThat(fixture.errors("{\t'a':\t'x\\qy' }\n")).containsExactly("schema.json:1:19: unknown escape \\q");
    }

    // --- recovery -------------------------------------------------------------------------------------------

    @Test
    void reportsEveryIndependentSyntaxErrorInOrder() {
        assertThat(fixture.errors("""
                { 'struct': 'Aa', 'data': { 'x': 42 } }
                { 'struct': 'Ok', 'data': {} }
                { 'struct': 'Bb', 'data': { 'y': null } }

                { 'struct': 'Cc', 'data': { 'z': "s" } }
                """)).containsExactly(
                "schema.json:1:34: stray '42'",
                "schema.json:3:34: stray 'null'",
                "schema.json:5:34: stray '\"'");
    }

    @Test
    void recoverySkipsContinuationLinesOfTheBrokenDefinition() {
        assertThat(fixture.errors("""
                { 'struct': 'Aa',
                  'data': { 'x': 42,
                            'y': 43 } }
                { 'struct': 'Bb', 'data': { 'y': 'nope' } }
                """)).containsExactly(
                "schema.json:2:18: stray '42'",
                "schema.json:4:29: member 'y' of struct 'Bb' uses unknown type 'nope'");
    }

    @Test
    void recoveryResumesAtACommentLine() {
        assertThat(fixture.errors("""
                { 'struct': 'Aa', 'data': { 'x': 'int' ]
                  { 'enum': 'Skipped', 'data': [ 1 ] }
                # a comment
                  { 'struct': 'Bb', 'data': { 'x': 42 } }
                """)).containsExactly(
                "schema.json:1:40: expected ',' or '}'",
                "schema.json:4:36: stray '42'");
    }

    @Test
    void aMissingClosingBraceDoesNotSwallowTheNextDefinition() {
        assertThat(fixture.errors("""
                { 'struct': 'Aa', 'data': { 'b': 'Bb' }
                { 'struct': 'Bb', 'data': {} }
                { 'struct': 'Cc', 'data': { 'b': 'Bb' } }
                """)).containsExactly("schema.json:2:1: expected ',' or '}'");
    }

    @Test
    void aMissingClosingBraceStillFindsTheErrorOnTheNextLine() {
        assertThat(fixture.errors("""
                { 'struct': 'Aa', 'data': {}
                { 'struct': 'Bb', 'data': { 'x': 42 } }
                """)).containsExactly(
                "schema.json:2:1: expected ',' or '}'",
                "schema.json:2:34: stray '42'");
    }

    @Test
    void aDefinitionBrokenBySyntaxIsNotReportedAgainWhereItIsUsed() {
        assertThat(fixture.errors("""
                { 'struct': 'Aa', 'data': { 'x': 42 } }
                { 'struct': 'Bb', 'data': { 'a': 'Aa' } }
                """)).containsExactly("schema.json:1:34: stray '42'");
    }

    @Test
    void absurdlyDeepNestingIsADiagnosticNotACrash() {
        List<String> errors = fixture.errors("{ 'a': " + "[".repeat(100_000) + "\n");

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("schema.json:1:");
    }
}
