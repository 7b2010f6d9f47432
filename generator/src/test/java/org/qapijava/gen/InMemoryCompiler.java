package org.qapijava.gen;

import com.palantir.javapoet.JavaFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles generated files in process, the way a downstream build would, only stricter: {@code javac --release 17
 * -Xlint:all -Werror}, against the test's class path (which holds qapi-runtime). Sources stay in memory; classes
 * go to a folder, from which {@link #load} makes a class loader.
 */
final class InMemoryCompiler {
    /** How many diagnostics a failure message shows. */
    private static final int SHOWN = 20;

    /** What one compilation gave: success, and every diagnostic as {@code file:line: kind: message}. */
    record Result(boolean success, List<String> diagnostics, Path classes) {

        /** A failure message: how many problems, and the first of them with their file and line. */
        String report() {
            return diagnostics.size() + " diagnostic(s), the first " + Math.min(SHOWN, diagnostics.size()) + ":\n"
                    + diagnostics.stream().limit(SHOWN).collect(Collectors.joining("\n"));
        }
    }

    private InMemoryCompiler() {}

    /** Compiles the files into classes; the result says whether javac accepted them. */
    static Result compile(List<JavaFile> files, Path classes) {
        return compile(files, List.of(), classes);
    }

    /** Compiles the generated files together with hand-written sources (see {@link #source}). */
    static Result compile(List<JavaFile> files, List<JavaFileObject> handWritten, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the tests need a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(collector, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            fileManager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            List<JavaFileObject> sources = new ArrayList<>();
            for (JavaFile file : files) {
                sources.add(file.toJavaFileObject());
            }
            sources.addAll(handWritten);
            List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none", "-implicit:none",
                    "-encoding", "UTF-8", "-classpath", classPath());
            boolean success = javac.getTask(null, fileManager, collector, options, null, sources).call();
            List<String> diagnostics = collector.getDiagnostics().stream().map(InMemoryCompiler::format).toList();
            return new Result(success, diagnostics, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the files, failing the test with the first diagnostics when javac rejects them or warns. */
    static Path compileOrFail(List<JavaFile> files, Path classes) {
        return compileOrFail(files, List.of(), classes);
    }

    /** As {@link #compileOrFail(List, Path)}, with hand-written sources that use the generated code. */
    static Path compileOrFail(List<JavaFile> files, List<JavaFileObject> handWritten, Path classes) {
        Result result = compile(files, handWritten, classes);
        if (!result.success()) {
            throw new AssertionError("generated code does not compile cleanly with javac --release 17 -Xlint:all "
                    + "-Werror: " + result.report());
        }
        return classes;
    }

    /** A hand-written source file, such as code that uses the generated API the way a user would. */
    static JavaFileObject source(String qualifiedName, String code) {
        URI uri = URI.create("string:///" + qualifiedName.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    /** A class loader over compiled classes, with the test's own (runtime included) as its parent. */
    static URLClassLoader load(Path classes) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, InMemoryCompiler.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test's class path; entries that do not exist are left out, since {@code -Xlint:path} would warn about
     * them and {@code -Werror} fail.
     */
    static String classPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(entry -> !entry.isEmpty() && Files.exists(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String format(Diagnostic<? extends JavaFileObject> diagnostic) {
        String file = diagnostic.getSource() == null ? "<javac>" : sourceName(diagnostic.getSource());
        return file + ":" + diagnostic.getLineNumber() + ": " + diagnostic.getKind().toString().toLowerCase(Locale.ROOT)
                + ": " + diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse("");
    }

    /** {@code org/example/qmp/Foo.java}: the source's path as JavaPoet names it. */
    private static String sourceName(JavaFileObject source) {
        String path = source.toUri().getPath();
        return path == null ? source.getName() : path.startsWith("/") ? path.substring(1) : path;
    }
}
