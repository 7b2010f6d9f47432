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
import org.qapijava.qapi.model.Data;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.TypeRef;

class CommandEventTest {
    /** Lines 1 to 4; the command or event under test goes on line 5. */
    private static final String PRELUDE = """
            { 'struct': 'Args', 'data': { 'id': 'str' } }
            { 'enum': 'Kind', 'data': [ 'one' ] }
            { 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind', 'data': { 'one': 'Args' } }
            { 'alternate': 'Alt', 'data': { 'i': 'int', 'n': 'null' } }
            """;

    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    private Schema schema(String line) {
        return fx.schema(PRELUDE + line + "\n");
    }

    private CommandDef command(String line) {
        return schema(line).definitions(CommandDef.class).get(0);
    }

    private EventDef event(String line) {
        return schema(line).definitions(EventDef.class).get(0);
    }

    private List<String> errors(String line) {
        return fx.errors(PRELUDE + line + "\n");
    }

    @Test
    void commandWithInlineDataAndDefaultFlags() {
        CommandDef cmd = command("{ 'command': 'cmd', 'data': { 'id': 'str', '*force': 'bool' } }");

        assertThat(cmd.data()).isInstanceOf(Data.Inline.class);
        assertThat(((Data.Inline) cmd.data()).members()).extracting(Member::name, Member::optional)
                .containsExactly(tuple("id", false),
                        tuple("force", true));
        assertThat(cmd.returns()).isNull();
        assertThat(cmd.boxed()).isFalse();
        assertThat(cmd.gen()).isTrue();
        assertThat(cmd.successResponse()).isTrue();
        assertThat(cmd.allowOob()).isFalse();
        assertThat(cmd.allowPreconfig()).isFalse();
        assertThat(cmd.coroutine()).isFalse();
    }

    @Test
    void commandWithoutData() {
        assertThat(command("{ 'command': 'cmd' }").data()).isNull();
    }

    @Test
    void commandWithNamedStructData() {
        Schema schema = schema("{ 'command': 'cmd', 'data': 'Args' }");
        CommandDef cmd = schema.definitions(CommandDef.class).get(0);
        assertThat(cmd.data()).isInstanceOf(Data.TypeName.class);
        assertThat(((Data.TypeName) cmd.data()).name()).isEqualTo("Args");
        assertThat(schema.members(cmd.data())).extracting(Member::name).containsExactly("id");
    }

    @Test
    void unionDataNeedsBoxed() {
        assertThat(errors("{ 'command': 'cmd', 'data': 'Uni' }")).containsExactly(
                "schema.json:5:29: 'data' of command 'cmd' can take union type 'Uni' only with 'boxed': true");
        assertThat(command("{ 'command': 'cmd', 'data': 'Uni', 'boxed': true }").boxed()).isTrue();
    }

    @Test
    void boxedStructDataIsFine() {
        assertThat(command("{ 'command': 'cmd', 'data': 'Args', 'boxed': true }").boxed()).isTrue();
    }

    @Test
    void boxedWithInlineDataIsRejected() {
        assertThat(errors("{ 'command': 'cmd', 'boxed': true, 'data': { 'a': 'int' } }")).containsExactly(
                "schema.json:5:44: 'data' of command 'cmd' must be a type name when 'boxed' is true");
    }

    @Test
    void boxedWithoutDataIsRejected() {
        assertThat(errors("{ 'command': 'cmd', 'boxed': true }"))
                .containsExactly("schema.json:5:1: 'boxed': true of command 'cmd' requires 'data'");
    }

    @Test
    void dataMustBeAnObjectType() {
        assertThat(errors("{ 'command': 'cmd', 'data': 'Kind' }"))
                .containsExactly("schema.json:5:29: 'data' of command 'cmd' cannot take enum type 'Kind'");
        assertThat(errors("{ 'command': 'cmd', 'data': 'str' }"))
                .containsExactly("schema.json:5:29: 'data' of command 'cmd' cannot take built-in type 'str'");
        assertThat(errors("{ 'command': 'cmd', 'data': 'Alt' }"))
                .containsExactly("schema.json:5:29: 'data' of command 'cmd' cannot take alternate type 'Alt'");
    }

    @Test
    void dataMustNotBeAnArray() {
        assertThat(errors("{ 'command': 'cmd', 'data': [ 'Args' ] }"))
                .containsExactly("schema.json:5:29: 'data' of command 'cmd' should be a type name");
    }

    @Test
    void dataMustExist() {
        assertThat(errors("{ 'command': 'cmd', 'data': 'Nope' }"))
                .containsExactly("schema.json:5:29: 'data' of command 'cmd' uses unknown type 'Nope'");
        assertThat(errors("{ 'command': 'cmd', 'data': { 'x': 'Nope' } }"))
                .containsExactly("schema.json:5:31: parameter 'x' of command 'cmd' uses unknown type 'Nope'");
    }

    @Test
    void parametersFollowMemberRulesWithoutExceptions() {
        assertThat(errors("{ 'command': 'cmd', 'data': { 'u': 'int' } }"))
                .containsExactly("schema.json:5:31: member 'u' of command 'cmd' uses a reserved name");
        assertThat(fx.errors("""
                { 'pragma': { 'member-name-exceptions': [ 'cmd' ] } }
                { 'command': 'cmd', 'data': { 'myArg': 'str' } }
                """)).containsExactly(
                "schema.json:2:31: name of member 'myArg' of command 'cmd' must not use uppercase or '_'");
    }

    @Test
    void returnsObjectOrArrayOfObject() {
        assertThat(command("{ 'command': 'cmd', 'returns': 'Args' }").returns()).isEqualTo(new TypeRef.Named("Args"));
        assertThat(command("{ 'command': 'cmd', 'returns': [ 'Args' ] }").returns())
                .isEqualTo(new TypeRef.Array("Args"));
        assertThat(command("{ 'command': 'cmd', 'returns': 'Uni' }").returns()).isEqualTo(new TypeRef.Named("Uni"));
    }

    @Test
    void returnsOfNonObjectTypeIsRejected() {
        assertThat(errors("{ 'command': 'cmd', 'returns': 'str' }"))
                .containsExactly("schema.json:5:1: 'returns' of command 'cmd' cannot take built-in type 'str'");
        assertThat(errors("{ 'command': 'cmd', 'returns': 'Kind' }"))
                .containsExactly("schema.json:5:1: 'returns' of command 'cmd' cannot take enum type 'Kind'");
        assertThat(errors("{ 'command': 'cmd', 'returns': [ 'str' ] }"))
                .containsExactly("schema.json:5:1: 'returns' of command 'cmd' cannot take array type '[str]'");
        assertThat(errors("{ 'command': 'cmd', 'returns': 'Alt' }"))
                .containsExactly("schema.json:5:1: 'returns' of command 'cmd' cannot take alternate type 'Alt'");
    }

    @Test
    void returnsExceptionsPragmaAllowsAnyType() {
        Schema schema = fx.schema("""
                { 'pragma': { 'command-returns-exceptions': [ 'get-name', 'get-names', 'get-kind' ] } }
                { 'enum': 'Kind', 'data': [ 'one' ] }
                { 'command': 'get-name', 'returns': 'str' }
                { 'command': 'get-names', 'returns': [ 'str' ] }
                { 'command': 'get-kind', 'returns': 'Kind' }
                """);
        assertThat(schema.definitions(CommandDef.class)).extracting(c -> c.returns().toString())
                .containsExactly("str", "[str]", "Kind");
    }

    @Test
    void returnsMustExist() {
        assertThat(errors("{ 'command': 'cmd', 'returns': 'Nope' }"))
                .containsExactly("schema.json:5:1: 'returns' of command 'cmd' uses unknown type 'Nope'");
    }

    @Test
    void flagsWithTheirNonDefaultValues() {
        CommandDef cmd = command("{ 'command': 'cmd', 'gen': false, 'success-response': false, "
                + "'allow-preconfig': true, 'coroutine': true }");
        assertThat(cmd.gen()).isFalse();
        assertThat(cmd.successResponse()).isFalse();
        assertThat(cmd.allowPreconfig()).isTrue();
        assertThat(cmd.coroutine()).isTrue();
        assertThat(cmd.allowOob()).isFalse();
        assertThat(command("{ 'command': 'cmd', 'allow-oob': true }").allowOob()).isTrue();
    }

    @Test
    void genAndSuccessResponseMayOnlyBeFalse() {
        assertThat(errors("{ 'command': 'cmd', 'gen': true }"))
                .containsExactly("schema.json:5:28: flag 'gen' may only use false value");
        assertThat(errors("{ 'command': 'cmd', 'success-response': true }"))
                .containsExactly("schema.json:5:41: flag 'success-response' may only use false value");
        assertThat(errors("{ 'command': 'cmd', 'gen': 'no' }"))
                .containsExactly("schema.json:5:28: flag 'gen' may only use false value");
    }

    @Test
    void otherFlagsMayOnlyBeTrue() {
        assertThat(errors("{ 'command': 'cmd', 'data': 'Args', 'boxed': false }"))
                .containsExactly("schema.json:5:46: flag 'boxed' may only use true value");
        assertThat(errors("{ 'command': 'cmd', 'allow-oob': false }"))
                .containsExactly("schema.json:5:34: flag 'allow-oob' may only use true value");
        assertThat(errors("{ 'command': 'cmd', 'allow-preconfig': 'yes' }"))
                .containsExactly("schema.json:5:40: flag 'allow-preconfig' may only use true value");
        assertThat(errors("{ 'command': 'cmd', 'coroutine': false }"))
                .containsExactly("schema.json:5:34: flag 'coroutine' may only use true value");
    }

    @Test
    void allowOobAndCoroutineAreIncompatible() {
        assertThat(errors("{ 'command': 'cmd', 'allow-oob': true, 'coroutine': true }"))
                .containsExactly("schema.json:5:53: flags 'allow-oob' and 'coroutine' are incompatible");
    }

    @Test
    void eventWithInlineOrNamedData() {
        EventDef inline = event("{ 'event': 'DEVICE_DELETED', 'data': { 'id': 'str' } }");
        assertThat(inline.data()).isInstanceOf(Data.Inline.class);
        assertThat(inline.boxed()).isFalse();

        EventDef named = event("{ 'event': 'DEVICE_DELETED', 'data': 'Args' }");
        assertThat(named.data()).isInstanceOf(Data.TypeName.class);
        assertThat(((Data.TypeName) named.data()).name()).isEqualTo("Args");
        assertThat(event("{ 'event': 'SHUTDOWN' }").data()).isNull();
    }

    @Test
    void eventWithBoxedUnionData() {
        EventDef evt = event("{ 'event': 'EVT', 'data': 'Uni', 'boxed': true }");
        assertThat(evt.boxed()).isTrue();
        assertThat(errors("{ 'event': 'EVT', 'data': 'Uni' }")).containsExactly(
                "schema.json:5:27: 'data' of event 'EVT' can take union type 'Uni' only with 'boxed': true");
    }

    @Test
    void eventBoxedNeedsNamedData() {
        assertThat(errors("{ 'event': 'EVT', 'boxed': true }"))
                .containsExactly("schema.json:5:1: 'boxed': true of event 'EVT' requires 'data'");
        assertThat(errors("{ 'event': 'EVT', 'boxed': true, 'data': { 'a': 'int' } }"))
                .containsExactly("schema.json:5:42: 'data' of event 'EVT' must be a type name when 'boxed' is true");
        assertThat(errors("{ 'event': 'EVT', 'data': 'Args', 'boxed': false }"))
                .containsExactly("schema.json:5:44: flag 'boxed' may only use true value");
    }

    @Test
    void eventDataMustBeAnObjectType() {
        assertThat(errors("{ 'event': 'EVT', 'data': 'Kind' }"))
                .containsExactly("schema.json:5:27: 'data' of event 'EVT' cannot take enum type 'Kind'");
    }

    @Test
    void eventNamesAreUpperCase() {
        assertThat(fx.errors("{ 'event': 'device-deleted' }\n"))
                .containsExactly("schema.json:1:12: name of event 'device-deleted' must not use lowercase or '-'");
        assertThat(fx.errors("{ 'event': 'DeviceDeleted' }\n"))
                .containsExactly("schema.json:1:12: name of event 'DeviceDeleted' must not use lowercase or '-'");
    }
}
