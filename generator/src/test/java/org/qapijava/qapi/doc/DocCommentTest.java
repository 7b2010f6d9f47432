package org.qapijava.qapi.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Schema;

/** Documentation comments: how they split into parts, where they attach, and what is an error. */
class DocCommentTest {
    @TempDir
    Path dir;

    private SchemaFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SchemaFixture(dir);
    }

    private Doc docOf(Schema schema, String name) {
        return schema.lookup(name).orElseThrow().doc();
    }

    private static String text(java.util.Optional<DocSection> section) {
        return section.orElseThrow().text();
    }

    // --- structure ------------------------------------------------------------------------------------------

    @Test
    void splitsBodyMembersFeaturesAndSince() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @Point:
                #
                # A point in the plane.
                # Second line.
                #
                # @x: the horizontal
                #     coordinate
                #
                # @y: the vertical coordinate
                #
                # Features:
                # @fancy: not plain
                #
                # Since: 7.2
                ##
                { 'struct': 'Point', 'data': { 'x': 'int', 'y': 'int' }, 'features': [ 'fancy' ] }
                """), "Point");

        assertThat(doc.symbol()).isEqualTo("Point");
        assertThat(doc.body()).isEqualTo("A point in the plane.\nSecond line.");
        assertThat(text(doc.member("x"))).isEqualTo("the horizontal\ncoordinate");
        assertThat(text(doc.member("y"))).isEqualTo("the vertical coordinate");
        assertThat(text(doc.feature("fancy"))).isEqualTo("not plain");
        assertThat(doc.member("fancy")).isEmpty();
        assertThat(doc.since()).contains("7.2");
        assertThat(doc.location().line()).isEqualTo(1);
    }

    @Test
    void descriptionsKnowTheirLines() {
        Doc doc = docOf(fixture.schema("""
                # leading comment
                ##
                # @Pair:
                # @first: one
                # @second: two
                ##
                { 'struct': 'Pair', 'data': { 'first': 'int', 'second': 'int' } }
                """), "Pair");

        assertThat(doc.location().line()).isEqualTo(2);
        assertThat(doc.member("first").orElseThrow().location().line()).isEqualTo(4);
        assertThat(doc.member("second").orElseThrow().location().line()).isEqualTo(5);
        assertThat(doc.members()).extracting(DocSection::name).containsExactly("first", "second");
    }

    @Test
    void descriptionTextMayStartOnTheNextLine() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @Pair:
                #
                # @first:
                #     a long description
                #     over two lines
                ##
                { 'struct': 'Pair', 'data': { 'first': 'int' } }
                """), "Pair");

        assertThat(text(doc.member("first"))).isEqualTo("a long description\nover two lines");
        assertThat(doc.body()).isEmpty();
    }

    @Test
    void splitsTaggedSectionsOfACommand() {
        Doc doc = docOf(fixture.schema("""
                { 'struct': 'Point', 'data': {} }
                ##
                # @get-point:
                #
                # Fetches a point.
                #
                # @id: which point
                #
                # Returns: the point
                #
                # Errors: if @id is unknown
                #
                # Since: 7.2
                #
                # Notes: this is a note
                #     that continues
                #
                # Example:
                #
                # -> { "execute": "get-point" }
                # <- { "return": {} }
                #
                # TODO: make it faster
                ##
                { 'command': 'get-point', 'data': { 'id': 'str' }, 'returns': 'Point' }
                """), "get-point");

        assertThat(doc.body()).isEqualTo("Fetches a point.");
        assertThat(text(doc.member("id"))).isEqualTo("which point");
        assertThat(doc.sections()).extracting(DocSection::name)
                .containsExactly("Returns", "Errors", "Since", "Notes", "Example", "TODO");
        assertThat(text(doc.section("Returns"))).isEqualTo("the point");
        assertThat(text(doc.section("Errors"))).isEqualTo("if @id is unknown");
        assertThat(doc.since()).contains("7.2");
        assertThat(text(doc.section("Notes"))).isEqualTo("this is a note\nthat continues");
        assertThat(text(doc.section("Example")))
                .isEqualTo("-> { \"execute\": \"get-point\" }\n<- { \"return\": {} }");
        assertThat(text(doc.section("TODO"))).isEqualTo("make it faster");
    }

    @Test
    void singularNoteAndPluralExamplesAreTagsToo() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @ping:
                #
                # Note: mind the gap
                #
                # Examples:
                #
                # -> { "execute": "ping" }
                ##
                { 'command': 'ping' }
                """), "ping");

        assertThat(doc.sections()).extracting(DocSection::name).containsExactly("Note", "Examples");
        assertThat(text(doc.section("Note"))).isEqualTo("mind the gap");
        assertThat(text(doc.section("Examples"))).isEqualTo("-> { \"execute\": \"ping\" }");
    }

    @Test
    void anUnindentedParagraphAfterTheMembersIsAnUntaggedSection() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @Point:
                #
                # @x: the x
                #
                # This paragraph stands alone.
                #
                # Since: 7.2
                ##
                { 'struct': 'Point', 'data': { 'x': 'int' } }
                """), "Point");

        assertThat(text(doc.member("x"))).isEqualTo("the x");
        assertThat(doc.sections()).extracting(DocSection::name).containsExactly(null, "Since");
        assertThat(doc.sections().get(0).text()).isEqualTo("This paragraph stands alone.");
        assertThat(doc.since()).contains("7.2");
    }

    @Test
    void freeFormDocumentationGoesToFreeDocs() {
        Schema schema = fixture.schema("""
                ##
                # = Points
                #
                # Everything about points.
                ##

                ##
                # @Point:
                ##
                { 'struct': 'Point', 'data': {} }

                ##
                # == Trailing heading
                ##
                """);

        assertThat(schema.freeDocs()).extracting(Doc::symbol).containsExactly(null, null);
        assertThat(schema.freeDocs()).extracting(Doc::body)
                .containsExactly("= Points\n\nEverything about points.", "== Trailing heading");
        assertThat(schema.freeDocs().get(1).location().line()).isEqualTo(12);
        assertThat(docOf(schema, "Point").symbol()).isEqualTo("Point");
    }

    @Test
    void aPlainCommentIsNotDocumentation() {
        Schema schema = fixture.schema("""
                # @Point: just a comment
                { 'struct': 'Point', 'data': {} }
                """);

        assertThat(docOf(schema, "Point")).isNull();
        assertThat(schema.freeDocs()).isEmpty();
    }

    // --- style is not an error ------------------------------------------------------------------------------

    @Test
    void oddIndentationAndAMissingSpaceAfterTheHashAreAccepted() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @Point:
                #   Body indented.
                #   Second line.
                #@x: the x
                #        continued far to the right
                # @y:    the y
                ##
                { 'struct': 'Point', 'data': { 'x': 'int', 'y': 'int' } }
                """), "Point");

        assertThat(doc.body()).isEqualTo("Body indented.\nSecond line.");
        assertThat(text(doc.member("x"))).isEqualTo("the x\ncontinued far to the right");
        assertThat(text(doc.member("y"))).isEqualTo("the y");
    }

    @Test
    void sectionsInUnusualOrderAreAccepted() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @Point:
                #
                # Since: 1.0
                #
                # @x: the x
                #
                # Note: a note between members
                #
                # @y: the y
                #
                # Features:
                # @fancy: old
                ##
                { 'struct': 'Point', 'data': { 'x': 'int', 'y': 'int' }, 'features': [ 'fancy' ] }
                """), "Point");

        assertThat(doc.since()).contains("1.0");
        assertThat(text(doc.member("x"))).isEqualTo("the x");
        assertThat(text(doc.section("Note"))).isEqualTo("a note between members");
        assertThat(text(doc.member("y"))).isEqualTo("the y");
        assertThat(text(doc.feature("fancy"))).isEqualTo("old");
    }

    @Test
    void undocumentedMembersAreAccepted() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @Point:
                #
                # @x: the x
                ##
                { 'struct': 'Point', 'data': { 'x': 'int', 'y': 'int' } }
                """), "Point");

        assertThat(doc.member("y")).isEmpty();
    }

    // --- what can be documented -----------------------------------------------------------------------------

    @Test
    void enumValuesAndTheirFeaturesAreDocumentable() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @Color:
                #
                # @red: warm
                # @blue: cold
                #
                # Features:
                # @deprecated: use @red
                ##
                { 'enum': 'Color',
                  'data': [ 'red', { 'name': 'blue', 'features': [ 'deprecated' ] } ] }
                """), "Color");

        assertThat(text(doc.member("red"))).isEqualTo("warm");
        assertThat(text(doc.member("blue"))).isEqualTo("cold");
        assertThat(text(doc.feature("deprecated"))).isEqualTo("use @red");
    }

    @Test
    void structMemberFeaturesAreDocumentable() {
        Doc doc = docOf(fixture.schema("""
                ##
                # @Point:
                #
                # @x: the x
                #
                # Features:
                # @unstable: x may change
                ##
                { 'struct': 'Point', 'data': { 'x': { 'type': 'int', 'features': [ 'unstable' ] } } }
                """), "Point");

        assertThat(text(doc.feature("unstable"))).isEqualTo("x may change");
    }

    @Test
    void alternateBranchesAreDocumentable() {
        Doc doc = docOf(fixture.schema("""
                { 'struct': 'Point', 'data': {} }
                ##
                # @NumOrPoint:
                #
                # @n: as a number
                # @p: as a point
                ##
                { 'alternate': 'NumOrPoint', 'data': { 'n': 'int', 'p': 'Point' } }
                """), "NumOrPoint");

        assertThat(doc.members()).extracting(DocSection::name).containsExactly("n", "p");
    }

    @Test
    void commandAndEventArgumentsAndFeaturesAreDocumentable() {
        Schema schema = fixture.schema("""
                ##
                # @set-speed:
                #
                # @speed: how fast
                #
                # Features:
                # @unstable: experimental
                ##
                { 'command': 'set-speed', 'data': { 'speed': 'int' }, 'features': [ 'unstable' ] }

                ##
                # @SPEED_CHANGED:
                #
                # @speed: the new speed
                ##
                { 'event': 'SPEED_CHANGED', 'data': { 'speed': 'int' } }
                """);

        assertThat(text(docOf(schema, "set-speed").member("speed"))).isEqualTo("how fast");
        assertThat(text(docOf(schema, "set-speed").feature("unstable"))).isEqualTo("experimental");
        assertThat(text(docOf(schema, "SPEED_CHANGED").member("speed"))).isEqualTo("the new speed");
    }

    @Test
    void unionInlineBaseMembersAreDocumentable() {
        Doc doc = docOf(fixture.schema("""
                { 'enum': 'Shape', 'data': [ 'circle', 'square' ] }
                { 'struct': 'Circle', 'data': { 'radius': 'int' } }
                ##
                # @Figure:
                #
                # @shape: which shape
                # @name: its name
                ##
                { 'union': 'Figure',
                  'base': { 'shape': 'Shape', 'name': 'str' },
                  'discriminator': 'shape',
                  'data': { 'circle': 'Circle' } }
                """), "Figure");

        assertThat(doc.members()).extracting(DocSection::name).containsExactly("shape", "name");
    }

    // --- errors ---------------------------------------------------------------------------------------------

    @Test
    void rejectsADocCommentForAnotherSymbol() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                ##
                { 'struct': 'Place', 'data': {} }
                """)).containsExactly(
                "schema.json:1:1: documentation comment is for 'Point', but the definition after it is struct 'Place'");
    }

    @Test
    void rejectsAFreeFormCommentRightBeforeADefinition() {
        assertThat(fixture.errors("""
                ##
                # Just some text.
                ##
                { 'struct': 'Place', 'data': {} }
                """)).containsExactly(
                "schema.json:1:1: documentation comment before struct 'Place' lacks its '@Place:' line");
    }

    @Test
    void rejectsADocumentedMemberThatDoesNotExist() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                #
                # @x: the x
                # @z: no such member
                ##
                { 'struct': 'Point', 'data': { 'x': 'int' } }
                """)).containsExactly("schema.json:5:1: documented member 'z' does not exist");
    }

    @Test
    void rejectsADocumentedFeatureThatDoesNotExist() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                #
                # Features:
                # @unstable: not really
                ##
                { 'struct': 'Point', 'data': { 'x': 'int' } }
                """)).containsExactly("schema.json:5:1: documented feature 'unstable' does not exist");
    }

    @Test
    void aFeatureDescribedAsAMemberDoesNotExistAsAMember() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                #
                # @fancy: not a member
                ##
                { 'struct': 'Point', 'data': { 'x': 'int' }, 'features': [ 'fancy' ] }
                """)).containsExactly("schema.json:4:1: documented member 'fancy' does not exist");
    }

    @Test
    void unionBranchesAndNamedArgumentTypesAreNotDocumentableInline() {
        assertThat(fixture.errors("""
                { 'enum': 'Shape', 'data': [ 'circle' ] }
                { 'struct': 'Circle', 'data': { 'radius': 'int' } }
                ##
                # @Figure:
                #
                # @circle: a branch
                ##
                { 'union': 'Figure', 'base': { 'shape': 'Shape' }, 'discriminator': 'shape',
                  'data': { 'circle': 'Circle' } }
                ##
                # @draw:
                #
                # @radius: a member of the named argument type
                ##
                { 'command': 'draw', 'data': 'Circle' }
                """)).containsExactly(
                "schema.json:6:1: documented member 'circle' does not exist",
                "schema.json:13:1: documented member 'radius' does not exist");
    }

    @Test
    void rejectsAMemberDescribedTwice() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                #
                # @x: the x
                # @x: the x again
                ##
                { 'struct': 'Point', 'data': { 'x': 'int' } }
                """)).containsExactly("schema.json:5:1: member 'x' is described twice");
    }

    @Test
    void rejectsAFeatureDescribedTwice() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                #
                # Features:
                # @fancy: one
                # @fancy: two
                ##
                { 'struct': 'Point', 'data': {}, 'features': [ 'fancy' ] }
                """)).containsExactly("schema.json:6:1: feature 'fancy' is described twice");
    }

    @Test
    void rejectsAnEmptyDescriptionName() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                # @: nameless
                ##
                { 'struct': 'Point', 'data': {} }
                """)).containsExactly("schema.json:3:1: name required after '@'");
    }

    @Test
    void rejectsADefinitionDocFollowedByAnInclude() {
        fixture.file("other.json", "{ 'struct': 'Other', 'data': {} }\n");

        assertThat(fixture.errors("""
                ##
                # @Point:
                ##
                { 'include': 'other.json' }
                { 'struct': 'Point', 'data': { 'o': 'Other' } }
                { 'struct': 'Line', 'data': { 'o': 'Other', 'p': 'Point' } }
                """)).containsExactly("schema.json:1:1: documentation for 'Point' is not followed by the definition");
    }

    @Test
    void rejectsADefinitionDocFollowedByAPragma() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                ##
                { 'pragma': { 'doc-required': false } }
                { 'struct': 'Point', 'data': {} }
                """)).containsExactly("schema.json:1:1: documentation for 'Point' is not followed by the definition");
    }

    @Test
    void rejectsADefinitionDocFollowedByAnotherDoc() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                ##
                ##
                # @Line:
                ##
                { 'struct': 'Line', 'data': {} }
                """)).containsExactly("schema.json:1:1: documentation for 'Point' is not followed by the definition");
    }

    @Test
    void rejectsADefinitionDocAtTheEndOfTheFile() {
        assertThat(fixture.errors("""
                { 'struct': 'Line', 'data': {} }
                ##
                # @Point:
                ##
                """)).containsExactly("schema.json:2:1: documentation for 'Point' is not followed by the definition");
    }

    @Test
    void aFreeFormDocFollowedByAnIncludeIsFine() {
        fixture.file("other.json", "{ 'struct': 'Other', 'data': {} }\n");

        Schema schema = fixture.schema("""
                ##
                # = Section
                ##
                { 'include': 'other.json' }
                """);

        assertThat(schema.freeDocs()).extracting(Doc::body).containsExactly("= Section");
    }

    @Test
    void rejectsJunkAfterTheOpeningHashes() {
        assertThat(fixture.errors("""
                ## Point
                # @Point:
                ##
                { 'struct': 'Point', 'data': {} }
                """)).containsExactly("schema.json:1:1: junk after '##' at start of documentation comment");
    }

    @Test
    void rejectsJunkAfterTheClosingHashes() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                ## end
                { 'struct': 'Point', 'data': {} }
                """)).containsExactly("schema.json:3:1: junk after '##' at end of documentation comment");
    }

    @Test
    void rejectsADocCommentThatDoesNotEnd() {
        assertThat(fixture.errors("""
                ##
                # @Point:
                { 'struct': 'Point', 'data': {} }
                """)).containsExactly("schema.json:3:1: documentation comment must end with '##'");
    }

    @Test
    void rejectsADocCommentThatRunsToTheEndOfTheFile() {
        // reported at the end of the last line, where QEMU reports it too
        assertThat(fixture.errors("""
                ##
                # @Point:
                """)).containsExactly("schema.json:2:10: documentation comment must end with '##'");
    }

    @Test
    void rejectsADocCommentThatRunsToTheEndOfAFileWithoutNewline() {
        assertThat(fixture.errors("##\n# @Point:")).containsExactly(
                "schema.json:2:10: documentation comment must end with '##'");
    }
}
