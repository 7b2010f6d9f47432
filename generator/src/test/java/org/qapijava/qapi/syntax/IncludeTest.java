package org.qapijava.qapi.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.SchemaReader;
import org.qapijava.qapi.diag.Diagnostic;
import org.qapijava.qapi.diag.SchemaException;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.source.SourceFile;

/** The include directive: resolution, order, repeated includes, loops, unreadable files, and messages. */
class IncludeTest {
    @TempDir
    Path dir;

    private SchemaFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SchemaFixture(dir);
    }

    private static String relativePath(Definition definition) {
        return definition.location().file().relativePath();
    }

    // --- accepted -------------------------------------------------------------------------------------------

    @Test
    void includesAreRelativeToTheIncludingFile() {
        fixture.file("sub/a.json", """
                { 'include': 'b.json' }
                { 'include': '../common.json' }
                { 'struct': 'InA', 'data': { 'b': 'InB', 'c': 'InCommon' } }
                """);
        fixture.file("sub/b.json", "{ 'struct': 'InB', 'data': {} }\n");
        fixture.file("common.json", "{ 'struct': 'InCommon', 'data': {} }\n");

        Schema schema = fixture.schema("{ 'include': 'sub/a.json' }\n");

        assertThat(schema.definitions()).extracting(Definition::name).containsExactly("InB", "InCommon", "InA");
        assertThat(schema.definitions()).extracting(IncludeTest::relativePath)
                .containsExactly("sub/b.json", "common.json", "sub/a.json");
    }

    @Test
    void definitionsComeInOrderWithIncludesDepthFirst() {
        fixture.file("a.json", """
                { 'enum': 'InAFirst', 'data': [] }
                { 'include': 'b.json' }
                { 'enum': 'InALast', 'data': [] }
                """);
        fixture.file("b.json", "{ 'enum': 'InB', 'data': [] }\n");

        Schema schema = fixture.schema("""
                { 'enum': 'First', 'data': [] }
                { 'include': 'a.json' }
                { 'enum': 'Last', 'data': [] }
                """);

        assertThat(schema.definitions()).extracting(Definition::name)
                .containsExactly("First", "InAFirst", "InB", "InALast", "Last");
    }

    @Test
    void aFileIncludedTwiceIsReadOnce() {
        fixture.file("common.json", "{ 'enum': 'Shared', 'data': [ 'one' ] }\n");
        fixture.file("b.json", """
                { 'include': 'common.json' }
                { 'struct': 'UsesShared', 'data': { 's': 'Shared' } }
                """);

        Schema schema = fixture.schema("""
                { 'include': 'common.json' }
                { 'include': 'b.json' }
                { 'include': 'sub/../common.json' }
                """);

        assertThat(schema.definitions()).extracting(Definition::name).containsExactly("Shared", "UsesShared");
        assertThat(schema.files()).extracting(SourceFile::relativePath)
                .containsExactly("schema.json", "common.json", "b.json");
    }

    @Test
    void sourceFilesKnowTheirPathRelativeToTheEntryFolder() {
        fixture.file("a/b/main.json", """
                { 'include': '../../qapi/x.json' }
                { 'include': 'sub/y.json' }
                { 'struct': 'Main', 'data': { 'x': 'FromX', 'y': 'FromY' } }
                """);
        fixture.file("qapi/x.json", "{ 'struct': 'FromX', 'data': {} }\n");
        fixture.file("a/b/sub/y.json", "{ 'struct': 'FromY', 'data': {} }\n");

        Schema schema = fixture.read("a/b/main.json");

        assertThat(schema.definitions()).extracting(IncludeTest::relativePath)
                .containsExactly("../../qapi/x.json", "sub/y.json", "main.json");
        SourceFile x = schema.definitions().get(0).location().file();
        assertThat(Path.of(x.path())).isEqualTo(dir.resolve("qapi/x.json"));
        assertThat(x.includedAt().line()).isEqualTo(1);
        assertThat(x.includedAt().file().relativePath()).isEqualTo("main.json");
        assertThat(schema.definitions().get(2).location().file().includedAt()).isNull();
    }

    @Test
    void utf8OutsideStringsIsFine() {
        Schema schema = fixture.schema("# café, naïve, 日本\n{ 'enum': 'Color', 'data': [ 'red' ] }\n");

        assertThat(schema.definitions()).hasSize(1);
    }

    // --- loops ----------------------------------------------------------------------------------------------

    @Test
    void reportsATwoFileLoopAtTheIncludeThatClosesIt() {
        fixture.file("a.json", """
                { 'enum': 'Color', 'data': [] }
                { 'include': 'schema.json' }
                """);

        assertThat(fixture.errors("{ 'include': 'a.json' }\n")).containsExactly("""
                In file included from schema.json:1:
                a.json:2:1: inclusion loop for schema.json (schema.json -> a.json -> schema.json)""");
    }

    @Test
    void reportsALoopBelowTheEntryFileWithItsChain() {
        fixture.file("a.json", "{ 'include': 'b.json' }\n");
        fixture.file("b.json", "{ 'include': 'a.json' }\n");

        assertThat(fixture.errors("{ 'include': 'a.json' }\n")).containsExactly("""
                In file included from a.json:1,
                                 from schema.json:1:
                b.json:1:1: inclusion loop for a.json (a.json -> b.json -> a.json)""");
    }

    @Test
    void reportsASelfInclude() {
        assertThat(fixture.errors("""
                { 'enum': 'Color', 'data': [] }
                { 'include': 'schema.json' }
                """)).containsExactly("schema.json:2:1: inclusion loop for schema.json (schema.json -> schema.json)");
    }

    // --- unreadable files -----------------------------------------------------------------------------------

    @Test
    void reportsAMissingIncludeFileAtTheDirective() {
        assertThat(fixture.errors("""
                { 'enum': 'Color', 'data': [] }
                  { 'include': 'nope.json' }
                """)).containsExactly("schema.json:2:3: can't read include file 'nope.json': No such file or directory");
    }

    @Test
    void reportsAMissingIncludeFileRelativeToItsIncluder() {
        fixture.file("sub/a.json", "{ 'include': 'nope.json' }\n");

        assertThat(fixture.errors("{ 'include': 'sub/a.json' }\n")).containsExactly("""
                In file included from schema.json:1:
                sub/a.json:1:1: can't read include file 'sub/nope.json': No such file or directory""");
    }

    @Test
    void reportsAnIncludedDirectory() throws IOException {
        Files.createDirectories(dir.resolve("sub"));

        assertThat(fixture.errors("{ 'include': 'sub' }\n"))
                .containsExactly("schema.json:1:1: can't read include file 'sub': Is a directory");
    }

    @Test
    void aMissingEntryFileHasAnUnlocatedDiagnostic() {
        Path missing = dir.resolve("absent.json");

        SchemaException e = catchThrowableOfType(() -> SchemaReader.read(missing), SchemaException.class);

        assertThat(e.diagnostics()).containsExactly(
                new Diagnostic(null, "can't read schema file '" + missing + "': No such file or directory"));
        assertThat(e.diagnostics().get(0).format())
                .isEqualTo("can't read schema file '" + missing + "': No such file or directory");
    }

    @Test
    void anEntryFileThatIsNotUtf8IsReportedByName() throws IOException {
        Path entry = dir.resolve("schema.json");
        Files.write(entry, bytes("{ 'enum': 'Color', 'data': [ 'r", 0xff, "d' ] }\n"));

        SchemaException e = catchThrowableOfType(() -> SchemaReader.read(entry), SchemaException.class);

        assertThat(e.diagnostics()).extracting(Diagnostic::format)
                .containsExactly("can't read schema file '" + entry + "': not valid UTF-8");
    }

    @Test
    void anIncludedFileThatIsNotUtf8IsReportedAtTheDirective() throws IOException {
        Files.write(dir.resolve("latin1.json"), bytes("# caf", 0xe9, "\n{ 'enum': 'Color', 'data': [] }\n"));

        assertThat(fixture.errors("""
                { 'enum': 'Other', 'data': [] }
                { 'include': 'latin1.json' }
                """)).containsExactly("schema.json:2:1: can't read include file 'latin1.json': not valid UTF-8");
    }

    private static byte[] bytes(String before, int bad, String after) {
        byte[] head = before.getBytes(StandardCharsets.US_ASCII);
        byte[] tail = after.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) bad;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        return all;
    }

    // --- errors in included files ---------------------------------------------------------------------------

    @Test
    void anErrorInAnIncludedFileNamesTheInclude() {
        fixture.file("a.json", """
                # types
                { 'enum': 'Color', 'data': [ 'Red' ] }
                """);

        assertThat(fixture.errors("""
                # the entry
                { 'include': 'a.json' }
                """)).containsExactly("""
                In file included from schema.json:2:
                a.json:2:30: name of value 'Red' of enum 'Color' must not use uppercase or '_'""");
    }

    @Test
    void anErrorTwoIncludesDownNamesBothIncludes() {
        fixture.file("a.json", "{ 'include': 'sub/b.json' }\n");
        fixture.file("sub/b.json", """
                { 'struct': 'Bb',
                  'data': { 'x': 42 } }
                """);

        assertThat(fixture.errors("""
                # the entry
                { 'include': 'a.json' }
                """)).containsExactly("""
                In file included from a.json:1,
                                 from schema.json:2:
                sub/b.json:2:18: stray '42'""");
    }

    // --- invalid directives ---------------------------------------------------------------------------------

    @Test
    void rejectsAnIncludeWithExtraKeys() {
        fixture.file("a.json", "{ 'enum': 'Color', 'data': [] }\n");

        assertThat(fixture.errors("{ 'include': 'a.json', 'if': 'CONFIG_X' }\n"))
                .containsExactly("schema.json:1:1: invalid 'include' directive");
    }

    @Test
    void rejectsAnIncludeWhoseValueIsNotAString() {
        assertThat(fixture.errors("{ 'include': [ 'a.json' ] }\n"))
                .containsExactly("schema.json:1:14: value of 'include' must be a string");
        assertThat(fixture.errors("{ 'include': true }\n"))
                .containsExactly("schema.json:1:14: value of 'include' must be a string");
    }

    @Test
    void anInvalidIncludeDoesNotHideTheNextDefinition() {
        assertThat(fixture.errors("""
                { 'include': true }
                { 'struct': 'Used', 'data': {} }
                { 'struct': 'User', 'data': { 'used': 'Used' } }
                """)).containsExactly("schema.json:1:14: value of 'include' must be a string");
    }
}
