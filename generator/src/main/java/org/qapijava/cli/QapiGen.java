package org.qapijava.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;
import org.qapijava.gen.JavaGenerator;
import org.qapijava.gen.SourceWriter;
import org.qapijava.qapi.SchemaReader;
import org.qapijava.qapi.diag.Diagnostic;
import org.qapijava.qapi.diag.SchemaException;
import org.qapijava.qapi.dump.SchemaDump;
import org.qapijava.qapi.model.Schema;

/**
 * {@code qapi-gen}: the command-line tool.
 *
 * <p>Exit status: 0 on success, 1 when the schema has problems (each printed as {@code file:line:col: message}
 * on stderr), 2 on a usage error, 3 on an internal error (a bug: it is reported, without a stack trace).
 */
public final class QapiGen {
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    private static final String USAGE_TEXT = """
            usage: qapi-gen <command> [options] SCHEMA

            commands:
              check SCHEMA   check a QAPI schema (the entry file and what it includes)
                             -v, --verbose: print how many definitions of each kind it has
              dump SCHEMA    print the checked model as JSON on stdout
              generate SCHEMA -o DIR -p PACKAGE
                             write Java for the schema into the source folder DIR: types in PACKAGE,
                             events in PACKAGE.event, commands in PACKAGE.command; files that did not
                             change are not rewritten, generated files no longer produced are removed
                             -v, --verbose: also print the time each step took
              help           print this text
            """;

    private final PrintStream out;
    private final PrintStream err;

    QapiGen(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new QapiGen(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            return usage("no command given");
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "check" -> check(rest);
                case "dump" -> dump(rest);
                case "generate" -> generate(rest);
                case "help", "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (SchemaException e) {
            for (Diagnostic diagnostic : e.diagnostics()) {
                err.println(diagnostic.location() == null ? "qapi-gen: " + diagnostic.format() : diagnostic.format());
            }
            return INVALID;
        } catch (IOException e) {
            err.println("qapi-gen: " + e.getMessage());
            return INVALID;
        } catch (RuntimeException | Error e) {
            err.println("qapi-gen: internal error, please report it: " + e);
            return INTERNAL;
        }
    }

    private int check(List<String> args) {
        boolean verbose = args.remove("-v") | args.remove("--verbose");
        Path schemaPath = schemaArgument(args);
        if (schemaPath == null) {
            return USAGE;
        }
        Schema schema = SchemaReader.read(schemaPath);
        if (verbose) {
            out.println(schemaPath + ": " + Summary.of(schema));
        }
        return OK;
    }

    private int dump(List<String> args) {
        Path schemaPath = schemaArgument(args);
        if (schemaPath == null) {
            return USAGE;
        }
        Schema schema = SchemaReader.read(schemaPath);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        SchemaDump.write(schema, writer);
        out.println();
        out.flush();
        return OK;
    }

    private int generate(List<String> args) throws IOException {
        boolean verbose = args.remove("-v") | args.remove("--verbose");
        String outputDir = option(args, "-o", "--output");
        String pkg = option(args, "-p", "--package");
        if (outputDir == null || pkg == null) {
            return usage("generate needs -o DIR and -p PACKAGE");
        }
        if (!SourceVersion.isName(pkg)) {
            return usage("'" + pkg + "' is not a Java package name");
        }
        Path schemaPath = schemaArgument(args);
        if (schemaPath == null) {
            return USAGE;
        }
        long start = System.nanoTime();
        Schema schema = SchemaReader.read(schemaPath);
        long read = System.nanoTime();
        SourceWriter.Result result = SourceWriter.write(
                new JavaGenerator(schema, pkg, String.valueOf(schemaPath.getFileName())), Path.of(outputDir));
        long written = System.nanoTime();
        out.println("qapi-gen: " + result.written().size() + " written, " + result.unchanged().size()
                + " unchanged, " + result.removed().size() + " removed in " + outputDir);
        if (verbose) {
            out.println("qapi-gen: JVM start " + (ManagementFactory.getRuntimeMXBean().getUptime()
                    - (written - start) / 1_000_000) + " ms, read " + millis(start, read)
                    + " ms, build, render and write " + millis(read, written) + " ms");
        }
        return OK;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Removes an option and its value from args; null when it is absent or has no value. */
    private static String option(List<String> args, String shortName, String longName) {
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals(shortName) || args.get(i).equals(longName)) {
                String value = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
                return value;
            }
        }
        return null;
    }

    private Path schemaArgument(List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                usage("unknown option '" + arg + "'");
                return null;
            }
        }
        if (args.size() != 1) {
            usage(args.isEmpty() ? "no schema file given" : "expected one schema file, got " + args.size());
            return null;
        }
        return Path.of(args.get(0));
    }

    private int usage(String problem) {
        err.println("qapi-gen: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }
}
