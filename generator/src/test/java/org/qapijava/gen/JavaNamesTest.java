package org.qapijava.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qapijava.gen.GeneratedCodeCompilesTest.componentNames;
import static org.qapijava.gen.GeneratedCodeCompilesTest.constant;
import static org.qapijava.gen.GeneratedCodeCompilesTest.wireNames;

import com.palantir.javapoet.JavaFile;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.Schema;

/** How schema names become Java names: the pure functions, then schemas whose names are Java's own words. */
class JavaNamesTest {
    private static final String PACKAGE = GeneratedCodeCompilesTest.PACKAGE;

    @TempDir
    Path dir;

    @Test
    void membersAreLowerCamelCase() {
        assertThat(JavaNames.member("backing-image")).isEqualTo("backingImage");
        assertThat(JavaNames.member("vm-state-size")).isEqualTo("vmStateSize");
        assertThat(JavaNames.member("bps_rd")).isEqualTo("bpsRd");
        assertThat(JavaNames.member("filename")).isEqualTo("filename");
        assertThat(JavaNames.member("CPU")).isEqualTo("cpu");
        assertThat(JavaNames.member("x-perf")).isEqualTo("xPerf");
        assertThat(JavaNames.member("__com.redhat_foo")).isEqualTo("comRedhatFoo");
        assertThat(JavaNames.member("a.b-c_d")).isEqualTo("aBCD");
    }

    @Test
    void keywordsLiteralsAndObjectsMethodsGetAnUnderscore() {
        assertThat(JavaNames.member("class")).isEqualTo("class_");
        assertThat(JavaNames.member("default")).isEqualTo("default_");
        assertThat(JavaNames.member("enum")).isEqualTo("enum_");
        assertThat(JavaNames.member("goto")).isEqualTo("goto_");
        assertThat(JavaNames.member("true")).isEqualTo("true_");
        assertThat(JavaNames.member("null")).isEqualTo("null_");
        assertThat(JavaNames.member("hash-code")).isEqualTo("hashCode_");
        assertThat(JavaNames.member("to-string")).isEqualTo("toString_");
        assertThat(JavaNames.member("get-class")).isEqualTo("getClass_");
        assertThat(JavaNames.member("wait")).isEqualTo("wait_");
        // not keywords: kept
        assertThat(JavaNames.member("type")).isEqualTo("type");
        assertThat(JavaNames.member("record")).isEqualTo("record");
        assertThat(JavaNames.member("var")).isEqualTo("var");
        assertThat(JavaNames.method("query-block")).isEqualTo("queryBlock");
        assertThat(JavaNames.method("device_add")).isEqualTo("deviceAdd");
    }

    @Test
    void typesAreUpperCamelCase() {
        assertThat(JavaNames.type("ImageInfo")).isEqualTo("ImageInfo");
        assertThat(JavaNames.type("__com.example_Foo")).isEqualTo("ComExampleFoo");
        assertThat(JavaNames.type("x-Foo")).isEqualTo("XFoo");
        assertThat(JavaNames.typeFromWords("JOB_STATUS_CHANGE")).isEqualTo("JobStatusChange");
        assertThat(JavaNames.typeFromWords("query-block")).isEqualTo("QueryBlock");
        assertThat(JavaNames.typeFromWords("__com.redhat_DEVICE_ADDED")).isEqualTo("ComRedhatDeviceAdded");
    }

    @Test
    void enumConstantsAreUpperCaseAndNeverStartWithADigit() {
        assertThat(JavaNames.constant("x86_64")).isEqualTo("X86_64");
        assertThat(JavaNames.constant("1g")).isEqualTo("_1G");
        assertThat(JavaNames.constant("cpu-max")).isEqualTo("CPU_MAX");
        assertThat(JavaNames.constant("__com.redhat_foo")).isEqualTo("__COM_REDHAT_FOO");
        assertThat(JavaNames.constant("class")).isEqualTo("CLASS");
    }

    @Test
    void nameScopeKeepsTheFirstAndNumbersTheRest() {
        NameScope members = NameScope.members().reserve("builder");
        assertThat(members.claim("builder")).isEqualTo("builder_");
        assertThat(members.claim("aB")).isEqualTo("aB");
        assertThat(members.claim("aB")).isEqualTo("aB_");
        assertThat(members.claim("aB")).isEqualTo("aB_2");
        assertThat(members.claim("AB")).isEqualTo("AB");
        NameScope files = NameScope.files();
        assertThat(files.claim("FooBar")).isEqualTo("FooBar");
        assertThat(files.claim("Foobar")).isEqualTo("Foobar_");
    }

    /** Members named like Java keywords, literals and Object's methods, wherever members appear. */
    @Test
    void membersNamedLikeJavaWordsCompileEverywhere() throws Exception {
        String members = "{ 'class': 'str', 'default': 'int', 'type': 'Kind', 'hash-code': 'int', '*to-string': 'str', "
                + "'*get-class': 'bool', '*enum': 'int', '*true': 'bool', '*null': 'null', '*record': 'str', "
                + "'*var': 'str', '*goto': 'int', '*yield': 'int', '*unknown-fields': 'int', '*builder': 'int', "
                + "'*to-builder': 'int', '*wait': 'int', '*equals': 'str' }";
        Schema schema = new SchemaFixture(dir.resolve("schema")).schema("""
                { 'enum': 'Kind', 'data': [ 'class', 'default', 'type', 'int', 'unrecognized' ] }
                { 'struct': 'Words', 'data': %s }
                { 'struct': 'More', 'base': 'Words', 'data': { 'interface': 'str' } }
                { 'struct': 'Other', 'data': { 'class': 'str', 'hash-code': 'int' } }
                { 'union': 'Choice', 'base': { 'type': 'Kind', '*default': 'str' }, 'discriminator': 'type',
                  'data': { 'class': 'Other' } }
                { 'alternate': 'Either', 'data': { 'class': 'Words', 'default': 'str' } }
                { 'event': 'WORDS', 'data': %s }
                { 'command': 'words', 'data': %s, 'returns': 'Words' }
                """.formatted(members, members, members));
        List<JavaFile> files = new JavaGenerator(schema, PACKAGE, SchemaFixture.ENTRY).generate();
        try (URLClassLoader loader = InMemoryCompiler.load(InMemoryCompiler.compileOrFail(files, dir.resolve("classes")))) {
            List<String> expected = List.of("class_", "default_", "type", "hashCode_", "toString_", "getClass_",
                    "enum_", "true_", "null_", "record", "var", "goto_", "yield", "unknownFields_", "builder_",
                    "toBuilder_", "wait_", "equals_");
            List<String> wire = List.of("class", "default", "type", "hash-code", "to-string", "get-class", "enum",
                    "true", "null", "record", "var", "goto", "yield", "unknown-fields", "builder", "to-builder",
                    "wait", "equals");

            Class<?> words = loader.loadClass(PACKAGE + ".Words");
            assertThat(componentNames(words)).containsExactlyElementsOf(concat(expected, "unknownFields"));
            assertThat(wireNames(words)).containsExactlyElementsOf(concat(wire, (String) null));
            assertThat(componentNames(loader.loadClass(PACKAGE + ".More")))
                    .containsExactlyElementsOf(concat(expected, "interface_", "unknownFields"));
            assertThat(componentNames(loader.loadClass(PACKAGE + ".Choice$Class")))
                    .containsExactly("default_", "class_", "hashCode_", "unknownFields");
            assertThat(loader.loadClass(PACKAGE + ".Choice").getMethod("type").getReturnType()).isEqualTo(
                    loader.loadClass(PACKAGE + ".Kind"));
            assertThat(componentNames(loader.loadClass(PACKAGE + ".event.Words")))
                    .containsExactlyElementsOf(concat(expected, "timestamp", "unknownFields"));
            assertThat(componentNames(loader.loadClass(PACKAGE + ".command.WordsArguments")))
                    .containsExactlyElementsOf(expected);

            Class<?> kind = loader.loadClass(PACKAGE + ".Kind");
            assertThat(Stream.of(kind.getEnumConstants()).map(c -> ((Enum<?>) c).name()))
                    .containsExactly("CLASS", "DEFAULT", "TYPE", "INT", "UNRECOGNIZED", "UNRECOGNIZED_");
            assertThat(kind.getMethod("wireName").invoke(constant(kind, "CLASS"))).isEqualTo("class");

            // the flattened command method takes the required members under their Java names
            Class<?> commands = loader.loadClass(PACKAGE + ".command.QmpCommands");
            Method flat = Stream.of(commands.getMethods())
                    .filter(m -> m.getName().equals("words") && m.getParameterCount() == 4).findFirst().orElseThrow();
            assertThat(Stream.of(flat.getParameterTypes()).map(Class::getSimpleName))
                    .containsExactly("String", "long", "Kind", "long");
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
