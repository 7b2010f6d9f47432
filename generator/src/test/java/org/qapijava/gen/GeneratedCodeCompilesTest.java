package org.qapijava.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.SchemaReader;
import org.qapijava.qapi.model.Schema;
import org.qapijava.runtime.UnknownFields;
import org.qapijava.runtime.command.CommandDescriptor;
import org.qapijava.runtime.command.CommandExecutor;
import org.qapijava.runtime.event.EventTimestamp;
import org.qapijava.runtime.event.QmpEvent;
import org.qapijava.runtime.json.JsonValue;
import org.qapijava.runtime.meta.WireName;

/**
 * The code generated for real schemas compiles with {@code javac --release 17 -Xlint:all -Werror} against the
 * runtime: the project's own schema and every entry point of QEMU 7.2 and QEMU 10.2; and the classes generated for
 * a small schema, loaded, have the shape the mapping promises.
 */
class GeneratedCodeCompilesTest {
    static final String PACKAGE = "org.example.qmp";
    static final List<String> QEMU_ENTRY_POINTS =
            List.of("qapi/qapi-schema.json", "qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json");

    @TempDir
    Path dir;

    static Path projectSchema() {
        return require(Path.of("../schema/src/main/qapi/qapi-schema.json"));
    }

    static Path qemu72(String entry) {
        return require(Path.of(System.getProperty("qemu72.schema.dir", "../third-party/qemu-7.2")).resolve(entry));
    }

    static Path qemu102(String entry) {
        return require(Path.of(System.getProperty("qemu102.schema.dir", "../../shared/qemu-qapi/v10.2.0"))
                .resolve(entry));
    }

    private static Path require(Path schema) {
        if (!Files.isRegularFile(schema)) {
            throw new IllegalStateException("schema not found: " + schema.toAbsolutePath()
                    + " (QEMU 7.2: scripts/fetch-qemu-schema.sh; QEMU 10.2: ../shared/qemu-qapi/v10.2.0)");
        }
        return schema;
    }

    static Stream<Arguments> schemas() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("project", projectSchema()));
        for (String entry : QEMU_ENTRY_POINTS) {
            all.add(Arguments.of("QEMU 7.2 " + entry, qemu72(entry)));
        }
        for (String entry : QEMU_ENTRY_POINTS) {
            all.add(Arguments.of("QEMU 10.2 " + entry, qemu102(entry)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void generatedCodeCompilesWithEveryLintWarningAnError(String name, Path schemaFile) {
        long start = System.nanoTime();
        Schema schema = SchemaReader.read(schemaFile);
        List<JavaFile> files = new JavaGenerator(schema, PACKAGE, String.valueOf(schemaFile.getFileName())).generate();
        long generated = System.nanoTime();
        InMemoryCompiler.Result result = InMemoryCompiler.compile(files, dir.resolve("classes"));
        long compiled = System.nanoTime();
        System.out.printf("%s: %d files, read+generate %d ms, javac %d ms%n", name, files.size(),
                (generated - start) / 1_000_000, (compiled - generated) / 1_000_000);

        assertThat(result.success()).as("%s: %s", name, result.report()).isTrue();
        assertThat(result.diagnostics()).as(name).isEmpty();
        // one class file at least per generated file, each in its package's folder
        for (JavaFile file : files) {
            Path classFile = dir.resolve("classes").resolve(file.packageName().replace('.', '/'))
                    .resolve(file.typeSpec().name() + ".class");
            assertThat(classFile).as(name).isRegularFile();
        }
    }

    /**
     * The classes generated for a small schema, compiled and loaded: records, enums, sealed unions and
     * alternates, events and commands, as the mapping promises them.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Shape {
        private static final String SCHEMA = """
                { 'pragma': { 'member-name-exceptions': [ 'Throttle' ] } }
                { 'enum': 'Format', 'data': [ 'qcow2', 'raw', 'vmdk' ] }
                { 'struct': 'ImageBase', 'data': { 'filename': 'str', 'format': 'Format' } }
                { 'struct': 'Image', 'base': 'ImageBase',
                  'data': { 'vm-state-size': 'int', '*backing-image': 'Image', 'tags': [ 'str' ] } }
                { 'struct': 'Throttle', 'data': { 'bps_rd': 'int', '*iops-max': 'int' } }
                { 'struct': 'Qcow2Options', 'data': { '*lazy-refcounts': 'bool' } }
                { 'struct': 'RawOptions', 'data': { 'offset': 'int' } }
                { 'union': 'BlockOptions', 'base': { 'driver': 'Format', '*node-name': 'str' },
                  'discriminator': 'driver', 'data': { 'qcow2': 'Qcow2Options', 'raw': 'RawOptions' } }
                { 'alternate': 'ImageRef', 'data': { 'definition': 'Image', 'reference': 'str' } }
                { 'event': 'BLOCK_IMAGE_CORRUPTED', 'data': { 'device': 'str', '*node-name': 'str', 'fatal': 'bool' } }
                { 'event': 'RESUME' }
                { 'struct': 'BlockdevSnapshotInternal', 'data': { 'device': 'str', 'name': 'str' } }
                { 'command': 'query-block', 'returns': [ 'Image' ] }
                { 'command': 'blockdev-snapshot-internal-sync', 'data': 'BlockdevSnapshotInternal' }
                { 'command': 'query-image', 'data': { 'device': 'str', '*verbose': 'bool', 'depth': 'int' },
                  'returns': 'Image' }
                { 'command': 'guest-shutdown', 'data': { '*mode': 'str' }, 'success-response': false }
                { 'command': 'device-add', 'data': { 'driver': 'str' }, 'gen': false }
                """;

        /** Code a user writes: QmpCommands implemented by one method, recording what the commands send. */
        private static final String RECORDER = """
                package org.example.user;

                import java.util.List;
                import java.util.function.Function;
                import org.example.qmp.command.QmpCommands;
                import org.qapijava.runtime.command.CommandDescriptor;

                public final class Recorder {
                    private Recorder() {}

                    public static QmpCommands commands(List<Object> calls, Function<String, Object> results) {
                        return new QmpCommands() {
                            @Override
                            @SuppressWarnings("unchecked")
                            public <A, R> R execute(CommandDescriptor<A, R> command, A arguments) {
                                calls.add(command.wireName());
                                calls.add(arguments);
                                return (R) results.apply(command.wireName());
                            }
                        };
                    }
                }
                """;

        private URLClassLoader loader;

        @BeforeAll
        void generateCompileAndLoad(@TempDir Path work) {
            Schema schema = new SchemaFixture(work.resolve("schema")).schema(SCHEMA);
            List<JavaFile> files = new JavaGenerator(schema, PACKAGE, SchemaFixture.ENTRY).generate();
            Path classes = InMemoryCompiler.compileOrFail(files,
                    List.of(InMemoryCompiler.source("org.example.user.Recorder", RECORDER)), work.resolve("classes"));
            loader = InMemoryCompiler.load(classes);
        }

        @AfterAll
        void close() throws IOException {
            if (loader != null) {
                loader.close();
            }
        }

        private Class<?> load(String binaryName) {
            try {
                return Class.forName(binaryName, true, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError("no generated class " + binaryName, e);
            }
        }

        private Class<?> type(String name) {
            return load(PACKAGE + "." + name);
        }

        private Class<?> event(String name) {
            return load(PACKAGE + ".event." + name);
        }

        private Class<?> command(String name) {
            return load(PACKAGE + ".command." + name);
        }

        @Test
        void structIsARecordOfBaseMembersThenOwnMembersInWireOrderThenUnknownFields() {
            Class<?> image = type("Image");
            assertThat(image.isRecord()).isTrue();
            assertThat(componentNames(image))
                    .containsExactly("filename", "format", "vmStateSize", "backingImage", "tags", "unknownFields");
            assertThat(componentTypes(image)).containsExactly("java.lang.String", PACKAGE + ".Format", "long",
                    "java.util.Optional<" + PACKAGE + ".Image>", "java.util.List<java.lang.String>",
                    UnknownFields.class.getName());
            assertThat(wireNames(image))
                    .containsExactly("filename", "format", "vm-state-size", "backing-image", "tags", null);
            assertThat(type("ImageBaseFields")).isInterface().isAssignableFrom(image);

            Class<?> throttle = type("Throttle");
            assertThat(componentNames(throttle)).containsExactly("bpsRd", "iopsMax", "unknownFields");
            assertThat(wireNames(throttle)).containsExactly("bps_rd", "iops-max", null);
            assertThat(componentTypes(throttle)).containsExactly("long", "java.util.Optional<java.lang.Long>",
                    UnknownFields.class.getName());
        }

        @Test
        void requiredMembersRefuseNullNamingTheMember() throws Exception {
            Object qcow2 = constant(type("Format"), "QCOW2");
            assertThatThrownBy(() -> construct(type("Image"), null, qcow2, 1L, Optional.empty(), List.of()))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("'filename'");
            assertThatThrownBy(() -> construct(type("Image"), "a.qcow2", null, 1L, Optional.empty(), List.of()))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("'format'");
            assertThatThrownBy(() -> construct(type("Image"), "a.qcow2", qcow2, 1L, Optional.empty(), null))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("'tags'");
            assertThatThrownBy(() -> construct(type("Image"), "a.qcow2", qcow2, 1L, null, List.of()))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("'backing-image'");
            assertThatThrownBy(() -> construct(type("Image"), "a.qcow2", qcow2, 1L, Optional.empty(), List.of(),
                    null)).isInstanceOf(NullPointerException.class).hasMessageContaining("unknownFields");
        }

        @Test
        void aValueBuiltInCodeHasNoUnknownFieldsAndCopiesItsLists() throws Exception {
            Object qcow2 = constant(type("Format"), "QCOW2");
            List<String> tags = new ArrayList<>(List.of("a"));
            Object image = construct(type("Image"), "a.qcow2", qcow2, 1L, Optional.empty(), tags);
            tags.add("b");
            assertThat(accessor(image, "tags")).isEqualTo(List.of("a"));
            assertThat(accessor(image, "unknownFields")).isSameAs(UnknownFields.NONE);
            assertThat(image).isEqualTo(construct(type("Image"), "a.qcow2", qcow2, 1L, Optional.empty(), List.of("a"),
                    UnknownFields.NONE));
        }

        @Test
        void recordsWithOptionalMembersHaveABuilderThatBuildsAnEqualRecord() throws Exception {
            Class<?> throttle = type("Throttle");
            Object builder = throttle.getMethod("builder").invoke(null);
            builder.getClass().getMethod("bpsRd", long.class).invoke(builder, 100L);
            assertThat(builder.getClass().getMethod("build").invoke(builder))
                    .isEqualTo(construct(throttle, 100L, Optional.empty()));
            builder.getClass().getMethod("iopsMax", Long.class).invoke(builder, 5L);
            Object built = builder.getClass().getMethod("build").invoke(builder);
            assertThat(built).isEqualTo(construct(throttle, 100L, Optional.of(5L)));
            Object again = throttle.getMethod("toBuilder").invoke(built);
            assertThat(again.getClass().getMethod("build").invoke(again)).isEqualTo(built);

            Class<?> image = type("Image");
            Object imageBuilder = image.getMethod("builder").invoke(null);
            Class<?> b = imageBuilder.getClass();
            b.getMethod("filename", String.class).invoke(imageBuilder, "a.qcow2");
            b.getMethod("format", type("Format")).invoke(imageBuilder, constant(type("Format"), "QCOW2"));
            b.getMethod("tags", List.class).invoke(imageBuilder, List.of("x"));
            assertThatThrownBy(() -> invoke(imageBuilder, b.getMethod("build")))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("'vm-state-size'");
            b.getMethod("vmStateSize", long.class).invoke(imageBuilder, 7L);
            assertThat(b.getMethod("build").invoke(imageBuilder)).isEqualTo(construct(image, "a.qcow2",
                    constant(type("Format"), "QCOW2"), 7L, Optional.empty(), List.of("x")));
        }

        @Test
        void enumConstantsCarryTheirWireNameAndUnknownValuesAreUnrecognized() throws Exception {
            Class<?> format = type("Format");
            assertThat(format.isEnum()).isTrue();
            assertThat(Stream.of(format.getEnumConstants()).map(c -> ((Enum<?>) c).name()))
                    .containsExactly("QCOW2", "RAW", "VMDK", "UNRECOGNIZED");
            Method wireName = format.getMethod("wireName");
            Method fromWireName = format.getMethod("fromWireName", String.class);
            assertThat(wireName.invoke(constant(format, "QCOW2"))).isEqualTo("qcow2");
            assertThat(wireName.invoke(constant(format, "VMDK"))).isEqualTo("vmdk");
            assertThat(wireName.invoke(constant(format, "UNRECOGNIZED"))).isNull();
            assertThat(fromWireName.invoke(null, "raw")).isSameAs(constant(format, "RAW"));
            assertThat(fromWireName.invoke(null, "qed")).isSameAs(constant(format, "UNRECOGNIZED"));
            assertThat(fromWireName.invoke(null, "QCOW2")).isSameAs(constant(format, "UNRECOGNIZED"));
            assertThat(format.getField("RAW").getAnnotation(WireName.class).value()).isEqualTo("raw");
            assertThat(format.getAnnotation(WireName.class).value()).isEqualTo("Format");
        }

        @Test
        void unionIsASealedInterfaceWithARecordPerBranchAndUnknown() throws Exception {
            Class<?> union = type("BlockOptions");
            assertThat(union.isInterface()).isTrue();
            assertThat(union.isSealed()).isTrue();
            assertThat(Stream.of(union.getPermittedSubclasses()).map(Class::getSimpleName))
                    .containsExactlyInAnyOrder("Qcow2", "Raw", "Vmdk", "Unknown");
            for (Class<?> branch : union.getPermittedSubclasses()) {
                assertThat(branch.isRecord()).as(branch.getName()).isTrue();
                assertThat(branch.getEnclosingClass()).isEqualTo(union);
                assertThat(union).isAssignableFrom(branch);
            }
            Class<?> qcow2 = type("BlockOptions$Qcow2");
            Class<?> raw = type("BlockOptions$Raw");
            Class<?> vmdk = type("BlockOptions$Vmdk");
            Class<?> unknown = type("BlockOptions$Unknown");
            // the discriminator is no component: each branch returns its own constant
            assertThat(componentNames(qcow2)).containsExactly("nodeName", "lazyRefcounts", "unknownFields");
            assertThat(wireNames(qcow2)).containsExactly("node-name", "lazy-refcounts", null);
            assertThat(componentNames(raw)).containsExactly("nodeName", "offset", "unknownFields");
            assertThat(componentNames(vmdk)).containsExactly("nodeName", "unknownFields");
            assertThat(componentNames(unknown)).containsExactly("nodeName", "unknownFields");
            assertThat(type("Qcow2OptionsFields")).isAssignableFrom(qcow2);

            Class<?> format = type("Format");
            Method driver = union.getMethod("driver");
            assertThat(driver.getReturnType()).isEqualTo(format);
            assertThat(driver.invoke(construct(qcow2, Optional.of("node0"), Optional.of(true))))
                    .isSameAs(constant(format, "QCOW2"));
            assertThat(driver.invoke(construct(raw, Optional.empty(), 512L))).isSameAs(constant(format, "RAW"));
            assertThat(driver.invoke(construct(vmdk, Optional.empty()))).isSameAs(constant(format, "VMDK"));
            assertThat(driver.invoke(construct(unknown, Optional.empty())))
                    .isSameAs(constant(format, "UNRECOGNIZED"));
            assertThat(union.getMethod("nodeName").invoke(construct(vmdk, Optional.of("n1"))))
                    .isEqualTo(Optional.of("n1"));
        }

        @Test
        void alternateIsASealedInterfaceWithARecordPerBranch() throws Exception {
            Class<?> alternate = type("ImageRef");
            assertThat(alternate.isInterface()).isTrue();
            assertThat(alternate.isSealed()).isTrue();
            assertThat(Stream.of(alternate.getPermittedSubclasses()).map(Class::getSimpleName))
                    .containsExactlyInAnyOrder("Definition", "Reference");
            Class<?> definition = type("ImageRef$Definition");
            Class<?> reference = type("ImageRef$Reference");
            assertThat(definition.isRecord()).isTrue();
            assertThat(componentTypes(definition)).containsExactly(PACKAGE + ".Image");
            assertThat(componentTypes(reference)).containsExactly("java.lang.String");
            assertThat(construct(reference, "node0")).isEqualTo(construct(reference, "node0"));
            assertThatThrownBy(() -> construct(reference, (Object) null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void eventsAreRecordsOfTheSealedEventInterfaceAndRegisteredByWireName() throws Exception {
            Class<?> event = event("Event");
            Class<?> corrupted = event("BlockImageCorrupted");
            Class<?> resume = event("Resume");
            assertThat(event.isSealed()).isTrue();
            assertThat(QmpEvent.class).isAssignableFrom(event);
            assertThat(Stream.of(event.getPermittedSubclasses()).map(Class::getSimpleName))
                    .containsExactlyInAnyOrder("BlockImageCorrupted", "Resume", "UnknownEvent");
            assertThat(corrupted.isRecord()).isTrue();
            assertThat(event).isAssignableFrom(corrupted);
            assertThat(componentNames(corrupted))
                    .containsExactly("device", "nodeName", "fatal", "timestamp", "unknownFields");
            assertThat(componentNames(resume)).containsExactly("timestamp", "unknownFields");

            EventTimestamp when = new EventTimestamp(1_700_000_000L, 42L);
            QmpEvent instance = (QmpEvent) construct(corrupted, "ide0", Optional.empty(), true, when);
            assertThat(instance.wireName()).isEqualTo("BLOCK_IMAGE_CORRUPTED");
            assertThat(instance.timestamp()).isEqualTo(when);
            assertThat(((QmpEvent) construct(resume, when)).wireName()).isEqualTo("RESUME");

            assertThat(event("Events").getField("BY_WIRE_NAME").get(null))
                    .isEqualTo(Map.of("BLOCK_IMAGE_CORRUPTED", corrupted, "RESUME", resume));
        }

        @Test
        void qmpCommandsHasAMethodPerCommandOverExecute() throws Exception {
            Class<?> commands = command("QmpCommands");
            assertThat(CommandExecutor.class).isAssignableFrom(commands);
            List<Object> calls = new ArrayList<>();
            List<Object> images = List.of(construct(type("Image"), "a.qcow2", constant(type("Format"), "RAW"), 0L,
                    Optional.empty(), List.of()));
            Map<String, Object> results = Map.of("query-block", images, "query-image", images.get(0));
            Object qmp = load("org.example.user.Recorder").getMethod("commands", List.class, Function.class)
                    .invoke(null, calls, (Function<String, Object>) results::get);

            Method queryBlock = commands.getMethod("queryBlock");
            assertThat(queryBlock.getGenericReturnType().getTypeName()).isEqualTo("java.util.List<" + PACKAGE + ".Image>");
            assertThat(queryBlock.invoke(qmp)).isEqualTo(images);
            assertThat(calls).containsExactly("query-block", null);

            // a named arguments type: the typed form and the flattened form of its required members
            Class<?> snapshot = type("BlockdevSnapshotInternal");
            calls.clear();
            Method flat = commands.getMethod("blockdevSnapshotInternalSync", String.class, String.class);
            assertThat(flat.getReturnType()).isEqualTo(void.class);
            flat.invoke(qmp, "ide0", "snap1");
            commands.getMethod("blockdevSnapshotInternalSync", snapshot).invoke(qmp, construct(snapshot, "ide1", "s"));
            assertThat(calls).containsExactly("blockdev-snapshot-internal-sync", construct(snapshot, "ide0", "snap1"),
                    "blockdev-snapshot-internal-sync", construct(snapshot, "ide1", "s"));

            // inline arguments: a generated record; the flattened form leaves the optional ones absent
            Class<?> arguments = command("QueryImageArguments");
            assertThat(componentNames(arguments)).containsExactly("device", "verbose", "depth");
            calls.clear();
            assertThat(commands.getMethod("queryImage", String.class, long.class).invoke(qmp, "ide0", 2L))
                    .isEqualTo(images.get(0));
            Object full = construct(arguments, "ide0", Optional.of(true), 3L);
            commands.getMethod("queryImage", arguments).invoke(qmp, full);
            assertThat(calls).containsExactly("query-image", construct(arguments, "ide0", Optional.empty(), 2L),
                    "query-image", full);

            // success-response: false: nothing to wait for
            calls.clear();
            Method shutdown = commands.getMethod("guestShutdown");
            assertThat(shutdown.getReturnType()).isEqualTo(void.class);
            shutdown.invoke(qmp);
            assertThat(calls).containsExactly("guest-shutdown", construct(command("GuestShutdownArguments"),
                    Optional.empty()));

            // gen: false: raw JSON arguments, no typed form
            calls.clear();
            assertThat(Stream.of(commands.getMethods()).filter(m -> m.getName().equals("deviceAdd"))
                    .map(m -> List.of(m.getParameterTypes()))).containsExactly(List.of(JsonValue.JsonObject.class));
            JsonValue.JsonObject raw = new JsonValue.JsonObject(Map.of("driver", new JsonValue.JsonString("e1000")));
            commands.getMethod("deviceAdd", JsonValue.JsonObject.class).invoke(qmp, raw);
            assertThat(calls).containsExactly("device-add", raw);

            Class<?> descriptors = command("CommandDescriptors");
            CommandDescriptor<?, ?> deviceAdd = (CommandDescriptor<?, ?>) descriptors.getField("DEVICE_ADD").get(null);
            assertThat(deviceAdd.wireName()).isEqualTo("device-add");
            assertThat(deviceAdd.raw()).isTrue();
            CommandDescriptor<?, ?> guestShutdown =
                    (CommandDescriptor<?, ?>) descriptors.getField("GUEST_SHUTDOWN").get(null);
            assertThat(guestShutdown.successResponse()).isFalse();
            assertThat(guestShutdown.raw()).isFalse();
        }
    }

    static List<String> componentNames(Class<?> record) {
        return Stream.of(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    static List<String> componentTypes(Class<?> record) {
        return Stream.of(record.getRecordComponents()).map(c -> c.getGenericType().getTypeName()).toList();
    }

    /** Each component's {@code @WireName}, null where it has none. */
    static List<String> wireNames(Class<?> record) {
        return Stream.of(record.getRecordComponents())
                .map(c -> c.getAnnotation(WireName.class) == null ? null : c.getAnnotation(WireName.class).value())
                .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
    }

    static Object constant(Class<?> enumType, String name) {
        return Stream.of(enumType.getEnumConstants()).filter(c -> ((Enum<?>) c).name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(enumType.getName() + " has no constant " + name));
    }

    /** Calls the public constructor that takes as many arguments; what it throws comes out unwrapped. */
    static Object construct(Class<?> type, Object... args) throws Exception {
        List<Constructor<?>> matching = Stream.of(type.getConstructors())
                .filter(c -> c.getParameterCount() == args.length).toList();
        assertThat(matching).as("public constructors of %s with %d parameters", type.getName(), args.length)
                .hasSize(1);
        try {
            return matching.get(0).newInstance(args);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        }
    }

    static Object accessor(Object target, String name) throws Exception {
        return invoke(target, target.getClass().getMethod(name));
    }

    static Object invoke(Object target, Method method, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        }
    }

    private static Exception unwrap(InvocationTargetException e) {
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return (Exception) e.getCause();
    }
}
