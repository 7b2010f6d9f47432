package org.qapijava.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qapijava.gen.GeneratedCodeCompilesTest.componentNames;
import static org.qapijava.gen.GeneratedCodeCompilesTest.componentTypes;
import static org.qapijava.gen.GeneratedCodeCompilesTest.constant;
import static org.qapijava.gen.GeneratedCodeCompilesTest.construct;
import static org.qapijava.gen.GeneratedCodeCompilesTest.wireNames;

import com.palantir.javapoet.JavaFile;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Schema;
import org.qapijava.runtime.QNull;
import org.qapijava.runtime.UnknownFields;
import org.qapijava.runtime.command.CommandDescriptor;
import org.qapijava.runtime.event.EventTimestamp;
import org.qapijava.runtime.event.QmpEvent;
import org.qapijava.runtime.json.JsonValue;

/**
 * Schemas whose names collide once they are Java names (or collide with the names generated code uses itself):
 * each generates code that compiles, with distinct names, the first definition keeping its natural one.
 */
class NamingCollisionTest {
    private static final String PACKAGE = GeneratedCodeCompilesTest.PACKAGE;

    @TempDir
    Path dir;

    private URLClassLoader loader;

    @AfterEach
    void close() throws Exception {
        if (loader != null) {
            loader.close();
        }
    }

    /** Generates, compiles (strictly) and loads the schema's code. */
    private List<JavaFile> compile(String schemaText) {
        Schema schema = new SchemaFixture(dir.resolve("schema")).schema(schemaText);
        List<JavaFile> files = new JavaGenerator(schema, PACKAGE, SchemaFixture.ENTRY).generate();
        loader = InMemoryCompiler.load(InMemoryCompiler.compileOrFail(files, dir.resolve("classes")));
        return files;
    }

    private Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(PACKAGE + "." + name, true, loader);
    }

    /**
     * QmpCommands implemented by a proxy whose {@code execute} records the command's wire name (when
     * withNames) and its arguments, and returns null; the generated default methods run as they are.
     */
    private Object recorder(Class<?> commands, List<Object> calls, boolean withNames) {
        return Proxy.newProxyInstance(loader, new Class<?>[] {commands}, (proxy, method, args) -> {
            if (method.getName().equals("execute") && !method.isDefault()) {
                if (withNames) {
                    calls.add(((CommandDescriptor<?, ?>) args[0]).wireName());
                }
                calls.add(args[1]);
                return null;
            }
            return InvocationHandler.invokeDefault(proxy, method, args);
        });
    }

    /** Relative paths of the files, as they would be written. */
    private static List<String> paths(List<JavaFile> files) {
        return files.stream().map(f -> f.packageName().replace('.', '/') + "/" + f.typeSpec().name() + ".java").toList();
    }

    @Test
    void membersThatDifferOnlyByDashAndCaseGetDistinctComponents() throws Exception {
        compile("""
                { 'pragma': { 'member-name-exceptions': [ 'Pair', 'Sub', 'Opts', 'Split' ] } }
                { 'struct': 'Pair', 'data': { 'a-b': 'int', 'aB': 'str', '*a_b_c': 'int', '*aBC': 'str' } }
                { 'struct': 'Sub', 'base': 'Pair', 'data': { 'A-b': 'bool' } }
                { 'enum': 'Kind', 'data': [ 'one', 'two' ] }
                { 'struct': 'Opts', 'data': { 'x-y': 'int', 'xY': 'str' } }
                { 'union': 'Split', 'base': { 'kind': 'Kind', 'a-b': 'int' }, 'discriminator': 'kind',
                  'data': { 'one': 'Opts', 'two': 'Pair2' } }
                { 'struct': 'Pair2', 'data': { 'c': 'int' } }
                { 'command': 'pair', 'data': 'Pair' }
                """);
        Class<?> pair = load("Pair");
        assertThat(componentNames(pair)).containsExactly("aB", "aB_", "aBC", "aBC_", "unknownFields");
        assertThat(wireNames(pair)).containsExactly("a-b", "aB", "a_b_c", "aBC", null);
        assertThat(componentTypes(pair)).containsExactly("long", "java.lang.String",
                "java.util.Optional<java.lang.Long>", "java.util.Optional<java.lang.String>",
                UnknownFields.class.getName());
        assertThat(componentNames(load("Sub"))).containsExactly("aB", "aB_", "aBC", "aBC_", "aB_2", "unknownFields");
        assertThat(componentNames(load("Split$One"))).containsExactly("aB", "xY", "xY_", "unknownFields");
        // the flattened command takes both required members
        Method flat = load("command.QmpCommands").getMethod("pair", long.class, String.class);
        assertThat(flat.getReturnType()).isEqualTo(void.class);
    }

    /**
     * A union branch's own members are named after the union's base members: a branch member whose Java name a
     * base member already took must still implement the branch type's {@code Fields} interface.
     */
    @Test
    void branchMembersCollidingWithBaseMembersAfterCaseMappingCompile() throws Exception {
        compile("""
                { 'pragma': { 'member-name-exceptions': [ 'Opts', 'Split' ] } }
                { 'enum': 'Kind', 'data': [ 'one' ] }
                { 'struct': 'Opts', 'data': { 'xY': 'str' } }
                { 'union': 'Split', 'base': { 'kind': 'Kind', 'x-y': 'int' }, 'discriminator': 'kind',
                  'data': { 'one': 'Opts' } }
                """);
        Class<?> one = load("Split$One");
        assertThat(wireNames(one)).containsExactly("x-y", "xY", null);
        assertThat(componentNames(one)).doesNotHaveDuplicates();
        Object value = construct(one, 5L, "s");
        assertThat(load("Split").getMethod(componentNames(one).get(0)).invoke(value)).isEqualTo(5L);
        // where the branch record implements the Fields interface of its type, that accessor gives the branch's xY
        if (load("OptsFields").isAssignableFrom(one)) {
            assertThat(load("OptsFields").getMethod(componentNames(load("Opts")).get(0)).invoke(value))
                    .isEqualTo("s");
        }
    }

    @Test
    void enumValuesThatAreNoJavaIdentifiersOrClashWithUnrecognized() throws Exception {
        compile("""
                { 'pragma': { 'member-name-exceptions': [ 'Arch' ] } }
                { 'enum': 'Arch', 'data': [ '1g', 'x86_64', '__com.redhat_foo', 'unrecognized', 'x86-64-v2' ] }
                { 'union': 'Machine', 'base': { 'arch': 'Arch' }, 'discriminator': 'arch', 'data': {} }
                { 'struct': 'Host', 'data': { 'arch': 'Arch', '*list': [ 'Arch' ] } }
                """);
        Class<?> arch = load("Arch");
        assertThat(Stream.of(arch.getEnumConstants()).map(c -> ((Enum<?>) c).name()))
                .containsExactly("_1G", "X86_64", "__COM_REDHAT_FOO", "UNRECOGNIZED", "X86_64_V2", "UNRECOGNIZED_");
        Method wireName = arch.getMethod("wireName");
        Method fromWireName = arch.getMethod("fromWireName", String.class);
        assertThat(wireName.invoke(constant(arch, "_1G"))).isEqualTo("1g");
        assertThat(wireName.invoke(constant(arch, "__COM_REDHAT_FOO"))).isEqualTo("__com.redhat_foo");
        // the schema's own 'unrecognized' is a value like any other; what this version does not know is apart
        assertThat(wireName.invoke(constant(arch, "UNRECOGNIZED"))).isEqualTo("unrecognized");
        assertThat(fromWireName.invoke(null, "unrecognized")).isSameAs(constant(arch, "UNRECOGNIZED"));
        assertThat(fromWireName.invoke(null, "x86-64-v2")).isSameAs(constant(arch, "X86_64_V2"));
        assertThat(fromWireName.invoke(null, "riscv64")).isSameAs(constant(arch, "UNRECOGNIZED_"));
        assertThat(wireName.invoke(constant(arch, "UNRECOGNIZED_"))).isNull();

        Class<?> machine = load("Machine");
        assertThat(Stream.of(machine.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("_1g", "X8664", "ComRedhatFoo", "Unrecognized", "X8664V2", "Unknown");
        Method tag = machine.getMethod("arch");
        assertThat(tag.invoke(construct(load("Machine$Unrecognized")))).isSameAs(constant(arch, "UNRECOGNIZED"));
        assertThat(tag.invoke(construct(load("Machine$Unknown")))).isSameAs(constant(arch, "UNRECOGNIZED_"));
    }

    @Test
    void eventsAndTypesThatCollideAfterCaseMappingGetDistinctFiles() throws Exception {
        List<JavaFile> files = compile("""
                { 'struct': 'Foo', 'data': { 'x': 'int' } }
                { 'struct': 'FooBar', 'data': { 'x': 'int' } }
                { 'struct': 'Foobar', 'data': { 'y': 'int' } }
                { 'struct': '__com.example_Thing', 'data': { 'a': 'int' } }
                { 'struct': 'ComExampleThing', 'data': { 'b': 'int' } }
                { 'event': 'FOO', 'data': { 'foo': 'Foo', 'bar': 'FooBar', 'other': 'Foobar' } }
                { 'event': 'FOO_BAR' }
                { 'event': 'FOOBAR' }
                { 'event': 'EVENT' }
                { 'event': 'EVENTS' }
                { 'event': 'UNKNOWN_EVENT' }
                { 'event': '__com.example_FOO' }
                { 'event': 'COM_EXAMPLE_FOO' }
                { 'command': 'foo', 'data': { 'foo': 'Foo' }, 'returns': 'Foo' }
                { 'command': 'qmp-commands', 'returns': 'FooBar' }
                """);
        List<String> lowerCase = paths(files).stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        assertThat(lowerCase).as("distinct on a case-insensitive disk").doesNotHaveDuplicates();
        assertThat(componentNames(load("FooBar"))).containsExactly("x", "unknownFields");
        assertThat(componentNames(load("Foobar_"))).containsExactly("y", "unknownFields");
        assertThat(componentNames(load("ComExampleThing"))).containsExactly("a", "unknownFields");
        assertThat(componentNames(load("ComExampleThing_"))).containsExactly("b", "unknownFields");
        assertThat(componentTypes(load("event.Foo"))).startsWith(PACKAGE + ".Foo", PACKAGE + ".FooBar",
                PACKAGE + ".Foobar_");

        @SuppressWarnings("unchecked")
        Map<String, Class<?>> events = (Map<String, Class<?>>) load("event.Events").getField("BY_WIRE_NAME").get(null);
        assertThat(events).containsOnlyKeys("FOO", "FOO_BAR", "FOOBAR", "EVENT", "EVENTS", "UNKNOWN_EVENT",
                "__com.example_FOO", "COM_EXAMPLE_FOO");
        assertThat(events.values()).doesNotHaveDuplicates();
        assertThat(events.get("FOO_BAR").getSimpleName()).isEqualTo("FooBar");
        assertThat(events.get("FOOBAR").getSimpleName()).isEqualTo("Foobar_");
        assertThat(events.get("EVENT").getSimpleName()).isEqualTo("Event_");
        assertThat(events.get("EVENTS").getSimpleName()).isEqualTo("Events_");
        assertThat(events.get("UNKNOWN_EVENT").getSimpleName()).isEqualTo("UnknownEvent_");
        Class<?> event = load("event.Event");
        for (Map.Entry<String, Class<?>> entry : events.entrySet()) {
            assertThat(event).isAssignableFrom(entry.getValue());
            assertThat(entry.getValue().getField("WIRE_NAME").get(null)).isEqualTo(entry.getKey());
        }
        assertThat(load("command.QmpCommands").getMethod("qmpCommands").getReturnType()).isEqualTo(load("FooBar"));
    }

    @Test
    void unionAndAlternateBranchesNamedLikeTheirTypeOrLikeWhatTheyUse() throws Exception {
        compile("""
                { 'enum': 'DriveKind', 'data': [ 'drive', 'unknown', 'image', 'string' ] }
                { 'struct': 'Image', 'data': { 'size': 'int' } }
                { 'union': 'Drive', 'base': { 'kind': 'DriveKind', '*id': 'str' }, 'discriminator': 'kind',
                  'data': { 'drive': 'Image', 'image': 'Image' } }
                { 'alternate': 'Ref', 'data': { 'ref': 'Image', 'string': 'str' } }
                { 'alternate': 'Value', 'data': { 'image': 'Image', 'string': 'str' } }
                """);
        Class<?> drive = load("Drive");
        assertThat(Stream.of(drive.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("Drive_", "Unknown", "Image", "String", "Unknown_");
        Class<?> kind = load("DriveKind");
        Method tag = drive.getMethod("kind");
        assertThat(tag.invoke(construct(load("Drive$Drive_"), Optional.empty(), 1L)))
                .isSameAs(constant(kind, "DRIVE"));
        assertThat(tag.invoke(construct(load("Drive$Unknown"), Optional.empty()))).isSameAs(constant(kind, "UNKNOWN"));
        assertThat(tag.invoke(construct(load("Drive$Unknown_"), Optional.empty())))
                .isSameAs(constant(kind, "UNRECOGNIZED"));
        assertThat(componentTypes(load("Drive$Image"))).startsWith("java.util.Optional<java.lang.String>", "long");
        assertThat(componentTypes(load("Drive$String"))).startsWith("java.util.Optional<java.lang.String>");
        assertThat(componentNames(load("Ref$Ref_"))).containsExactly("value");
        assertThat(componentTypes(load("Ref$String"))).containsExactly("java.lang.String");
        assertThat(componentTypes(load("Value$Image"))).containsExactly(PACKAGE + ".Image");
    }

    /** Records with optional members have a nested {@code Builder}: a record itself named Builder must still compile. */
    @Test
    void typesAndBranchesNamedBuilder() throws Exception {
        compile("""
                { 'struct': 'Builder', 'data': { '*jobs': 'int' } }
                { 'enum': 'Kind', 'data': [ 'builder', 'other' ] }
                { 'struct': 'Opts', 'data': { '*jobs': 'int' } }
                { 'union': 'Task', 'base': { 'kind': 'Kind', '*id': 'str' }, 'discriminator': 'kind',
                  'data': { 'builder': 'Opts' } }
                { 'struct': 'User', 'data': { 'builder': 'Builder' } }
                """);
        Class<?> builder = load("Builder");
        Object started = builder.getMethod("builder").invoke(null);
        started.getClass().getMethod("jobs", Long.class).invoke(started, 4L);
        assertThat(started.getClass().getMethod("build").invoke(started)).isEqualTo(construct(builder, Optional.of(4L)));
        Class<?> branch = load("Task$Builder");
        assertThat(componentNames(branch)).containsExactly("id", "jobs", "unknownFields");
        Object branchBuilder = branch.getMethod("builder").invoke(null);
        assertThat(branchBuilder.getClass().getMethod("build").invoke(branchBuilder))
                .isEqualTo(construct(branch, Optional.empty(), Optional.empty()));
    }

    @Test
    void commandsThatCollideAfterCaseMappingOrWithTheExecutorsMethods() throws Exception {
        compile("""
                { 'pragma': { 'command-name-exceptions': [ 'query_foo' ] } }
                { 'command': 'query-foo', 'data': { 'a': 'int' }, 'returns': 'Foo' }
                { 'command': 'query_foo', 'data': { 'b': 'str' } }
                { 'command': 'execute', 'data': { 'c': 'int' } }
                { 'command': 'execute-async' }
                { 'command': 'hash-code' }
                { 'command': 'wait' }
                { 'command': 'get-class' }
                { 'struct': 'Foo', 'data': { 'x': 'int' } }
                """);
        assertThat(componentNames(load("command.QueryFooArguments"))).containsExactly("a");
        assertThat(componentNames(load("command.QueryFooArguments_"))).containsExactly("b");
        Class<?> commands = load("command.QmpCommands");
        Class<?> descriptors = load("command.CommandDescriptors");
        assertThat(Stream.of(descriptors.getFields()).map(f -> f.getName())).containsExactlyInAnyOrder(
                "QUERY_FOO", "QUERY_FOO_", "EXECUTE", "EXECUTE_ASYNC", "HASH_CODE", "WAIT", "GET_CLASS");

        List<Object> calls = new ArrayList<>();
        Object qmp = recorder(commands, calls, true);
        commands.getMethod("queryFoo", long.class).invoke(qmp, 1L);
        commands.getMethod("queryFoo_", String.class).invoke(qmp, "b");
        commands.getMethod("execute_", long.class).invoke(qmp, 2L);
        commands.getMethod("executeAsync_").invoke(qmp);
        commands.getMethod("hashCode_").invoke(qmp);
        commands.getMethod("wait_").invoke(qmp);
        commands.getMethod("getClass_").invoke(qmp);
        assertThat(calls).containsExactly(
                "query-foo", construct(load("command.QueryFooArguments"), 1L),
                "query_foo", construct(load("command.QueryFooArguments_"), "b"),
                "execute", construct(load("command.ExecuteArguments"), 2L),
                "execute-async", null, "hash-code", null, "wait", null, "get-class", null);
    }

    /** java.lang names are always qualified where a schema type takes them, in every package that uses it. */
    @Test
    void typesNamedLikeJavaLangClassesAreUsableEverywhere() throws Exception {
        compile("""
                { 'struct': 'Object', 'data': { 'name': 'str', '*n': 'int' } }
                { 'struct': 'String', 'data': { 'value': 'str' } }
                { 'enum': 'Override', 'data': [ 'yes', 'no' ] }
                { 'struct': 'Long', 'data': { 'value': 'int' } }
                { 'struct': 'Integer', 'data': { 'value': 'int' } }
                { 'enum': 'Boolean', 'data': [ 'yes', 'no' ] }
                { 'struct': 'Deprecated', 'data': { 'why': 'str' } }
                { 'struct': 'SuppressWarnings', 'data': { 'what': 'str' } }
                { 'struct': 'Record', 'data': { 'r': 'int' } }
                { 'struct': 'Class', 'data': { 'c': 'int' } }
                { 'struct': 'Enum', 'data': { 'e': 'int' } }
                { 'struct': 'Void', 'data': { 'v': 'int' } }
                { 'struct': 'Holder', 'data': { 'object': 'Object', 'string': 'String', 'text': 'str',
                  'override': 'Override', 'long': 'Long', 'number': 'int', '*maybe': 'String',
                  '*list': [ 'Long' ], 'deprecated': 'Deprecated', 'suppress': 'SuppressWarnings',
                  'record': 'Record', 'class': 'Class', 'integer': 'Integer', 'boolean': 'Boolean',
                  '*flag': 'bool', 'enum': 'Enum', 'void': 'Void',
                  'old': { 'type': 'Deprecated', 'features': [ 'deprecated' ] } } }
                { 'union': 'Choice', 'base': { 'kind': 'Override', 'text': 'str' }, 'discriminator': 'kind',
                  'data': { 'yes': 'String', 'no': 'Long' } }
                { 'alternate': 'Either', 'data': { 'string': 'String', 'text': 'str' } }
                { 'event': 'OBJECT_CHANGED', 'data': { 'object': 'Object', 'string': 'String', 'text': 'str',
                  'override': 'Override', '*count': 'int' }, 'features': [ 'deprecated' ] }
                { 'event': 'STRING', 'data': 'String' }
                { 'command': 'get-string', 'data': { 'object': 'Object', 'text': 'str', '*long': 'Long' },
                  'returns': 'String', 'features': [ 'deprecated' ] }
                { 'command': 'get-object', 'data': 'String', 'returns': 'Object' }
                { 'command': 'get-strings', 'returns': [ 'String' ] }
                { 'command': 'put-long', 'data': 'Long', 'boxed': true }
                { 'command': 'get-void', 'data': { 'v': 'Void' }, 'returns': 'Void' }
                { 'command': 'get-integer', 'data': { 'i': 'int' }, 'returns': 'Integer' }
                """);
        assertThat(componentTypes(load("Holder"))).startsWith(PACKAGE + ".Object", PACKAGE + ".String",
                "java.lang.String", PACKAGE + ".Override", PACKAGE + ".Long", "long",
                "java.util.Optional<" + PACKAGE + ".String>", "java.util.Optional<java.util.List<" + PACKAGE + ".Long>>");
        assertThat(componentTypes(load("event.ObjectChanged"))).startsWith(PACKAGE + ".Object", PACKAGE + ".String",
                "java.lang.String", PACKAGE + ".Override");
        assertThat(componentTypes(load("Either$String"))).containsExactly(PACKAGE + ".String");
        assertThat(componentTypes(load("Either$Text"))).containsExactly("java.lang.String");
        Class<?> commands = load("command.QmpCommands");
        assertThat(commands.getMethod("getString", load("Object"), String.class).getReturnType())
                .isEqualTo(load("String"));
        assertThat(commands.getMethod("getObject", String.class).getReturnType()).isEqualTo(load("Object"));
        assertThat(commands.getMethod("getObject", load("String")).getReturnType()).isEqualTo(load("Object"));
        assertThat(commands.getMethod("getVoid", load("Void")).getReturnType()).isEqualTo(load("Void"));
        assertThat(componentTypes(load("event.String"))).containsExactly("java.lang.String",
                EventTimestamp.class.getName(),
                UnknownFields.class.getName());
        assertThat(load("event.String").getMethod("wireName").invoke(construct(load("event.String"), "v",
                EventTimestamp.NONE))).isEqualTo("STRING");
    }

    /** Schema types named like the classes generated code refers to (runtime, java.util, javax.annotation). */
    @Test
    void typesNamedLikeTheClassesGeneratedCodeUses() throws Exception {
        String types = Stream.of("Optional", "Objects", "Map", "Generated", "UnknownFields", "WireName",
                        "Features", "Condition", "QNull", "JsonValue", "JsonObject", "CompletableFuture",
                        "EventTimestamp", "QmpEvent", "Event", "CommandDescriptor", "CommandExecutor",
                        "AsyncCommandExecutor", "QmpCommands", "Collections")
                .map(t -> "{ 'struct': '" + t + "', 'data': { '*value': 'int' } }")
                .reduce("", (a, b) -> a + b + "\n");
        compile(types + """
                { 'struct': 'User', 'data': { 'optional': 'Optional', '*list': [ 'Collections' ],
                  'objects': 'Objects', 'map': 'Map', 'generated': 'Generated', 'unknown': 'UnknownFields',
                  'wire': 'WireName', 'null': 'null', 'any': 'any', '*event': 'Event', 'json': 'JsonObject',
                  'cond': { 'type': 'Condition', 'features': [ 'unstable' ] } },
                  'if': 'CONFIG_X' }
                { 'union': 'Choice', 'base': { 'kind': 'Kind', '*opt': 'Optional' }, 'discriminator': 'kind',
                  'data': { 'one': 'Objects', 'two': 'Generated' } }
                { 'enum': 'Kind', 'data': [ 'one', 'two', 'three' ] }
                { 'alternate': 'Alt', 'data': { 'optional': 'Optional', 'str': 'str' } }
                { 'event': 'OPTIONAL', 'data': { 'optional': 'Optional', '*list': [ 'Map' ], 'any': 'any',
                  'ts': 'EventTimestamp', 'ev': 'QmpEvent' } }
                { 'command': 'optional', 'data': { 'optional': 'Optional', '*map': 'Map', 'd': 'CommandDescriptor' },
                  'returns': 'CompletableFuture' }
                { 'command': 'collections', 'data': 'Map', 'returns': [ 'Map' ] }
                { 'command': 'raw', 'data': { 'x': 'JsonObject' }, 'gen': false }
                """);
        Class<?> optional = load("Optional");
        Object built = optional.getMethod("builder").invoke(null);
        assertThat(built.getClass().getMethod("build").invoke(built)).isEqualTo(construct(optional, Optional.empty()));
        assertThat(componentTypes(load("User"))).startsWith(PACKAGE + ".Optional",
                "java.util.Optional<java.util.List<" + PACKAGE + ".Collections>>", PACKAGE + ".Objects",
                PACKAGE + ".Map",
                PACKAGE + ".Generated", PACKAGE + ".UnknownFields", PACKAGE + ".WireName",
                QNull.class.getName(), JsonValue.class.getName());
    }

    /** Member names that are also the first word of a qualified name in generated code: org, java, javax. */
    @Test
    void membersNamedLikeTopLevelPackages() throws Exception {
        compile("""
                { 'struct': 'Where', 'data': { 'org': 'str', 'java': 'int', '*javax': 'str', '*tools': 'int' } }
                { 'enum': 'Kind', 'data': [ 'one' ] }
                { 'union': 'Choice', 'base': { 'kind': 'Kind', 'org': 'str', '*java': 'int' },
                  'discriminator': 'kind', 'data': { 'one': 'Where2' } }
                { 'struct': 'Where2', 'data': { '*javax': 'bool' } }
                { 'event': 'WHERE', 'data': { 'org': 'str', '*java': 'int' } }
                { 'command': 'where', 'data': { 'org': 'str', '*java': 'int', 'javax': 'str' } }
                { 'command': 'where-named', 'data': 'Where' }
                """);
        Class<?> commands = load("command.QmpCommands");
        List<Object> calls = new ArrayList<>();
        Object qmp = recorder(commands, calls, false);
        commands.getMethod("where", String.class, String.class).invoke(qmp, "o", "x");
        commands.getMethod("whereNamed", String.class, long.class).invoke(qmp, "o", 3L);
        assertThat(calls).containsExactly(
                construct(load("command.WhereArguments"), "o", Optional.empty(), "x"),
                construct(load("Where"), "o", 3L, Optional.empty(), Optional.empty()));
    }

    /**
     * A schema type named {@code Optional} makes {@code java.util.Optional} appear in full in the files that use
     * both; a member named {@code java} must not hide the package there.
     */
    @Test
    void membersNamedJavaBesideATypeThatForcesQualifiedJavaNames() throws Exception {
        compile("""
                { 'struct': 'Optional', 'data': { 'v': 'int' } }
                { 'struct': 'Uses', 'data': { 'java': 'int', '*opt': 'Optional', '*n': 'int' } }
                { 'event': 'USES', 'data': { 'java': 'int', '*opt': 'Optional' } }
                { 'command': 'uses', 'data': { 'java': 'int', '*opt': 'Optional' }, 'returns': 'Optional' }
                """);
        assertThat(componentTypes(load("Uses"))).containsExactly("long",
                "java.util.Optional<" + PACKAGE + ".Optional>", "java.util.Optional<java.lang.Long>",
                UnknownFields.class.getName());
        assertThat(load("command.QmpCommands").getMethod("uses", long.class).getReturnType())
                .isEqualTo(load("Optional"));
    }

    /** An event's members beside the components every event record has: its timestamp and wire name. */
    @Test
    void eventMembersNamedLikeTheEventsOwnComponents() throws Exception {
        compile("""
                { 'event': 'CLOCK', 'data': { 'timestamp': 'int', 'wire-name': 'str', '*unknown-fields': 'int',
                  '*data': 'str' } }
                """);
        Class<?> clock = load("event.Clock");
        assertThat(wireNames(clock)).containsExactly("timestamp", "wire-name", "unknown-fields", "data", null, null);
        Object event = construct(clock, 5L, "w", Optional.empty(), Optional.empty(),
                EventTimestamp.NONE);
        assertThat(((QmpEvent) event).timestamp())
                .isEqualTo(EventTimestamp.NONE);
        assertThat(((QmpEvent) event).wireName()).isEqualTo("CLOCK");
    }
}
