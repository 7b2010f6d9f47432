package org.qapijava.qapi.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.Pragmas;
import org.qapijava.qapi.model.Schema;

/** The pragma directive: each pragma's effect, its value's type, and its scope over the whole schema. */
class PragmaTest {
    @TempDir
    Path dir;

    private SchemaFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SchemaFixture(dir);
    }

    // --- doc-required ---------------------------------------------------------------------------------------

    @Test
    void docRequiredMakesAnUndocumentedDefinitionAnError() {
        assertThat(fixture.errors("""
                { 'pragma': { 'doc-required': true } }
                ##
                # @Documented:
                ##
                { 'struct': 'Documented', 'data': {} }
                { 'struct': 'Bare', 'data': {} }
                  { 'command': 'bare-command' }
                """)).containsExactly(
                "schema.json:6:1: documentation comment required for struct 'Bare'",
                "schema.json:7:3: documentation comment required for command 'bare-command'");
    }

    @Test
    void docRequiredIsSatisfiedByDocumentation() {
        Schema schema = fixture.schema("""
                { 'pragma': { 'doc-required': true } }
                ##
                # @Documented:
                ##
                { 'struct': 'Documented', 'data': {} }
                """);

        assertThat(schema.pragmas().docRequired()).isTrue();
    }

    @Test
    void docRequiredFalseIsTheDefault() {
        assertThat(fixture.schema("{ 'struct': 'Bare', 'data': {} }\n").pragmas().docRequired()).isFalse();
        assertThat(fixture.schema("""
                { 'pragma': { 'doc-required': false } }
                { 'struct': 'Bare', 'data': {} }
                """).pragmas().docRequired()).isFalse();
    }

    @Test
    void docRequiredMustBeBoolean() {
        assertThat(fixture.errors("{ 'pragma': { 'doc-required': 'yes' } }\n"))
                .containsExactly("schema.json:1:31: pragma 'doc-required' must be boolean");
    }

    // --- command-name-exceptions ----------------------------------------------------------------------------

    @Test
    void commandNamesMayNotUseUnderscoreByDefault() {
        assertThat(fixture.errors("{ 'command': 'do_it' }\n"))
                .containsExactly("schema.json:1:14: name of command 'do_it' must not use uppercase or '_'");
    }

    @Test
    void commandNameExceptionsAllowUnderscore() {
        Schema schema = fixture.schema("""
                { 'pragma': { 'command-name-exceptions': [ 'do_it' ] } }
                { 'command': 'do_it' }
                """);

        assertThat(schema.pragmas().commandNameExceptions()).containsExactly("do_it");
        assertThat(schema.lookup("do_it")).isPresent();
    }

    @Test
    void commandNameExceptionsDoNotAllowUpperCaseOrOtherCommands() {
        assertThat(fixture.errors("""
                { 'pragma': { 'command-name-exceptions': [ 'Do_it' ] } }
                { 'command': 'Do_it' }
                { 'command': 'do_that' }
                """)).containsExactly(
                "schema.json:2:14: name of command 'Do_it' must not use uppercase or '_'",
                "schema.json:3:14: name of command 'do_that' must not use uppercase or '_'");
    }

    // --- command-returns-exceptions -------------------------------------------------------------------------

    @Test
    void commandsMayNotReturnNonObjectsByDefault() {
        assertThat(fixture.errors("""
                { 'enum': 'Mode', 'data': [ 'on' ] }
                { 'command': 'get-name', 'returns': 'str' }
                { 'command': 'get-names', 'returns': [ 'str' ] }
                { 'command': 'get-mode', 'returns': 'Mode' }
                """)).containsExactly(
                "schema.json:2:1: 'returns' of command 'get-name' cannot take built-in type 'str'",
                "schema.json:3:1: 'returns' of command 'get-names' cannot take array type '[str]'",
                "schema.json:4:1: 'returns' of command 'get-mode' cannot take enum type 'Mode'");
    }

    @Test
    void commandReturnsExceptionsAllowAnyReturnType() {
        Schema schema = fixture.schema("""
                { 'pragma': { 'command-returns-exceptions': [ 'get-name', 'get-names', 'get-mode' ] } }
                { 'enum': 'Mode', 'data': [ 'on' ] }
                { 'command': 'get-name', 'returns': 'str' }
                { 'command': 'get-names', 'returns': [ 'str' ] }
                { 'command': 'get-mode', 'returns': 'Mode' }
                """);

        assertThat(schema.pragmas().commandReturnsExceptions())
                .containsExactlyInAnyOrder("get-name", "get-names", "get-mode");
    }

    // --- member-name-exceptions -----------------------------------------------------------------------------

    @Test
    void memberNamesAreLowerCaseByDefault() {
        assertThat(fixture.errors("""
                { 'struct': 'Odd', 'data': { 'Upper_case': 'int' } }
                { 'enum': 'OddEnum', 'data': [ 'VALUE_ONE' ] }
                """)).containsExactly(
                "schema.json:1:30: name of member 'Upper_case' of struct 'Odd' must not use uppercase or '_'",
                "schema.json:2:32: name of value 'VALUE_ONE' of enum 'OddEnum' must not use uppercase or '_'");
    }

    @Test
    void memberNameExceptionsAllowUpperCaseAndUnderscoreInTheListedTypesOnly() {
        assertThat(fixture.errors("""
                { 'pragma': { 'member-name-exceptions': [ 'Odd', 'OddEnum' ] } }
                { 'struct': 'Odd', 'data': { 'Upper_case': 'int' } }
                { 'enum': 'OddEnum', 'data': [ 'VALUE_ONE' ] }
                { 'struct': 'Other', 'data': { 'Upper': 'int' } }
                """)).containsExactly(
                "schema.json:4:32: name of member 'Upper' of struct 'Other' must not use uppercase or '_'");
    }

    @Test
    void memberNameExceptionsAreRecorded() {
        Schema schema = fixture.schema("""
                { 'pragma': { 'member-name-exceptions': [ 'Odd', 'OddEnum' ] } }
                { 'struct': 'Odd', 'data': { 'Upper_case': 'int' } }
                { 'enum': 'OddEnum', 'data': [ 'VALUE_ONE' ] }
                """);

        assertThat(schema.pragmas().memberNameExceptions()).containsExactlyInAnyOrder("Odd", "OddEnum");
    }

    // --- documentation-exceptions ---------------------------------------------------------------------------

    @Test
    void documentationExceptionsAreAccepted() {
        Schema schema = fixture.schema("""
                { 'pragma': { 'documentation-exceptions': [ 'Odd' ] } }
                { 'struct': 'Odd', 'data': { 'a': 'int' } }
                """);

        assertThat(schema.pragmas().documentationExceptions()).containsExactly("Odd");
    }

    // --- legacy names ---------------------------------------------------------------------------------------

    @Test
    void legacyPragmaNamesMapToTodaysAndSelectTheOlderNamingRules() {
        Schema schema = fixture.schema("""
                { 'pragma': { 'returns-whitelist': [ 'query_name' ],
                              'name-case-whitelist': [ 'Legacy' ] } }
                { 'command': 'query_name', 'returns': 'str' }
                { 'command': 'block_resize', 'data': { 'new_size': 'int' } }
                { 'event': 'Disk_event' }
                { 'struct': 'Legacy', 'data': { 'CamelMember': 'int' } }
                { 'enum': 'LegacyMode', 'data': [ 'snake_value' ] }
                """);

        Pragmas pragmas = schema.pragmas();
        assertThat(pragmas.commandReturnsExceptions()).containsExactly("query_name");
        assertThat(pragmas.memberNameExceptions()).containsExactly("Legacy");
        assertThat(schema.definitions()).extracting(Definition::name)
                .containsExactly("query_name", "block_resize", "Disk_event", "Legacy", "LegacyMode");
    }

    @Test
    void legacyRulesStillRejectUpperCaseMembersOutsideTheWhitelist() {
        assertThat(fixture.errors("""
                { 'pragma': { 'name-case-whitelist': [ 'Legacy' ] } }
                { 'struct': 'Other', 'data': { 'Bad': 'int' } }
                { 'enum': 'OtherEnum', 'data': [ 'BAD' ] }
                { 'command': 'query_name', 'returns': 'str' }
                """)).containsExactly(
                "schema.json:2:32: name of member 'Bad' of struct 'Other' must not use uppercase",
                "schema.json:3:34: name of value 'BAD' of enum 'OtherEnum' must not use uppercase",
                "schema.json:4:1: 'returns' of command 'query_name' cannot take built-in type 'str'");
    }

    @Test
    void modernPragmasKeepTheModernNamingRules() {
        assertThat(fixture.errors("""
                { 'pragma': { 'command-returns-exceptions': [ 'query-name' ] } }
                { 'event': 'Disk_event' }
                """)).containsExactly("schema.json:2:12: name of event 'Disk_event' must not use lowercase or '-'");
    }

    // --- invalid pragmas ------------------------------------------------------------------------------------

    @Test
    void rejectsAnUnknownPragma() {
        assertThat(fixture.errors("{ 'pragma': { 'no-such-pragma': true } }\n"))
                .containsExactly("schema.json:1:15: unknown pragma 'no-such-pragma'");
    }

    @Test
    void rejectsAListPragmaOfTheWrongType() {
        assertThat(fixture.errors("{ 'pragma': { 'command-name-exceptions': 'do_it' } }\n"))
                .containsExactly("schema.json:1:42: pragma 'command-name-exceptions' must be a list of strings");
        assertThat(fixture.errors("{ 'pragma': { 'member-name-exceptions': [ 'Odd', true ] } }\n"))
                .containsExactly("schema.json:1:41: pragma 'member-name-exceptions' must be a list of strings");
        assertThat(fixture.errors("{ 'pragma': { 'documentation-exceptions': {} } }\n"))
                .containsExactly("schema.json:1:43: pragma 'documentation-exceptions' must be a list of strings");
    }

    @Test
    void aBadPragmaDoesNotStopTheOthersInTheSameDirective() {
        assertThat(fixture.errors("""
                { 'pragma': { 'doc-required': 'yes', 'command-name-exceptions': [ 'do_it' ] } }
                { 'command': 'do_it' }
                """)).containsExactly("schema.json:1:31: pragma 'doc-required' must be boolean");
    }

    @Test
    void rejectsAPragmaDirectiveWithExtraKeys() {
        assertThat(fixture.errors("{ 'pragma': { 'doc-required': true }, 'if': 'CONFIG_X' }\n"))
                .containsExactly("schema.json:1:1: invalid 'pragma' directive");
    }

    @Test
    void rejectsAPragmaWhoseValueIsNotAnObject() {
        assertThat(fixture.errors("{ 'pragma': [ 'doc-required' ] }\n"))
                .containsExactly("schema.json:1:13: value of 'pragma' must be an object");
    }

    @Test
    void anEmptyPragmaIsFine() {
        assertThat(fixture.schema("{ 'pragma': {} }\n").pragmas().commandNameExceptions()).isEmpty();
    }

    // --- scope ----------------------------------------------------------------------------------------------

    @Test
    void pragmasInAnIncludedFileApplyToTheWholeSchema() {
        fixture.file("sub/pragma.json", """
                { 'pragma': { 'command-name-exceptions': [ 'do_it' ],
                              'member-name-exceptions': [ 'Odd' ] } }
                """);

        Schema schema = fixture.schema("""
                { 'command': 'do_it' }
                { 'include': 'sub/pragma.json' }
                { 'struct': 'Odd', 'data': { 'Upper': 'int' } }
                """);

        assertThat(schema.pragmas().commandNameExceptions()).containsExactly("do_it");
        assertThat(schema.pragmas().memberNameExceptions()).containsExactly("Odd");
    }

    @Test
    void docRequiredInAnIncludedFileAppliesToDefinitionsBeforeTheInclude() {
        fixture.file("pragma.json", "{ 'pragma': { 'doc-required': true } }\n");

        assertThat(fixture.errors("""
                { 'struct': 'Early', 'data': {} }
                { 'include': 'pragma.json' }
                """)).containsExactly("schema.json:1:1: documentation comment required for struct 'Early'");
    }

    @Test
    void aPragmaErrorInAnIncludedFileNamesTheInclude() {
        fixture.file("pragma.json", "{ 'pragma': { 'doc-required': 1 } }\n");

        assertThat(fixture.errors("{ 'include': 'pragma.json' }\n")).containsExactly("""
                In file included from schema.json:1:
                pragma.json:1:31: stray '1'""");
    }
}
