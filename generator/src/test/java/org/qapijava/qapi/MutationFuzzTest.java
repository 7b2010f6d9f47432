package org.qapijava.qapi;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qapijava.qapi.diag.Diagnostic;
import org.qapijava.qapi.diag.SchemaException;
import org.qapijava.qapi.dump.SchemaDump;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.source.Location;

/**
 * Bad input at scale: thousands of damaged copies of QEMU's real schema files (7.2's and 10.2's), each of which
 * must end in a {@link Schema} or a {@link SchemaException} whose every diagnostic is located in the files
 * read and has a one-line message. Anything else escaping {@link SchemaReader#read}, and any read that does not
 * finish, fails the test with the case's seed and mutations.
 *
 * <p>A case is reproduced from its seed alone ({@link #runCase}): the seed picks the file, how it is read
 * (on its own, or included by an entry file after QEMU's {@code pragma.json}) and the mutations. Set
 * {@code -Dqapi.fuzz.cases=N} and {@code -Dqapi.fuzz.seed=S} to fuzz longer or elsewhere.
 *
 * <p>QEMU's files are GPL test data: they are read from where they live (system properties
 * {@code qemu72.schema.dir} and {@code qemu102.schema.dir}) and copied only into a temporary folder, so that
 * their includes resolve beside the mutated copy.
 */
class MutationFuzzTest {
    private static final long BASE_SEED = 0x5CEDC0DEL;
    private static final int CASES = Integer.getInteger("qapi.fuzz.cases", 4000);
    private static final long SEED = Long.getLong("qapi.fuzz.seed", BASE_SEED);
    private static final long CASE_TIMEOUT_SECONDS = 10;

    /** What breaks a line: Unicode's mandatory breaks (UAX #14: BK, CR, LF, NL). */
    private static final String LINE_BREAKS = "\n\r\u000b\u000c\u0085\u2028\u2029";

    /**
     * Case seeds that failed, replayed on every run. A seed stands for the same case only as long as
     * {@link MutationEngine} and {@link #SOURCES} are unchanged; {@link #minimalReproductions} keeps the
     * problems in a form that does not depend on them.
     */
    private static final long[] REGRESSION_SEEDS = {
        // SchemaError escaped SchemaReader.read: a lexical error in the first token of an included file
        // ("0# -*- Mode: ..."); fixed in the parser since (the first token is read recovering, like the rest)
        -987925628742425503L,
        // a message of more than one line: a doc comment's symbol holding U+2028 ("# @PCIE", U+2028, "LinkWidth:")
        4143449708150846813L,
        // a message of more than one line: a stray U+0085 (NEL) echoed into "stray '...'"; fixed since
        -257876435933107573L,
        // a message of more than one line: a documented member's name holding U+2028 ("# @vo", U+2028, "lume:")
        -1766653794288747690L,
    };

    /** Minimal inputs of the problems this test found, as {name, entry text, text of inc.json or null}. */
    static Stream<Arguments> minimalReproductions() {
        return Stream.of(
                // lexical error in a file's first token: SchemaError escaped SchemaReader.read (fixed since)
                Arguments.of("stray first token", "x\n", null),
                Arguments.of("unterminated first string", "'abc\n", null),
                Arguments.of("stray first token of an included file", "{ 'include': 'inc.json' }\n", "x\n"),
                // nesting without limit: StackOverflowError (fixed since: nesting is limited)
                Arguments.of("deeply nested arrays", "{ 'enum': 'Foo', 'data': " + "[".repeat(200_000) + "\n",
                        null),
                Arguments.of("deeply nested objects", "{ 'enum': 'Foo', 'if': " + "{ 'not': ".repeat(100_000)
                        + "\n", null),
                // Unicode line breaks (NEL, LS) echoed raw into messages, which then span lines: in stray
                // tokens (fixed since: the lexer escapes them), and in names read from doc comments
                Arguments.of("U+2028 in a stray token", "{ 'enum': 'Foo', 'data': [ 'a' ] }\nx\u2028y\n", null),
                Arguments.of("U+0085 in a stray token", "{ 'enum': 'Foo', 'data': [ 'a' ] }\nx\u0085y\n", null),
                Arguments.of("U+2028 in a doc comment's symbol", "##\n# @Foo\u2028bar:\n##\n"
                        + "{ 'enum': 'Foo', 'data': [ 'a' ] }\n", null),
                Arguments.of("U+2028 in a documented member's name", "##\n# @Foo:\n#\n# @a\u2028b: text\n##\n"
                        + "{ 'struct': 'Foo', 'data': { 'a': 'str' } }\n", null),
                // a location costs time proportional to its column: one long line reads in quadratic time
                // (1 MB: about 17 s instead of well under 1 s), and the case times out
                Arguments.of("one line of 1 MB", oneLongLine(20_000), null));
    }

    /** So many valid enum definitions, all on one line. */
    private static String oneLongLine(int count) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < count; i++) {
            line.append("{ 'enum': 'Enum").append(i).append("', 'data': [ 'a', 'b', 'c' ] } ");
        }
        return line.append('\n').toString();
    }

    /** The files damaged, as {release, path under the release's folder, weight}. */
    private static final Object[][] SOURCES = {
        {"10.2", "qapi/block-core.json", 3},
        {"10.2", "qapi/common.json", 2},
        {"10.2", "qapi/run-state.json", 3},
        {"10.2", "qapi/introspect.json", 3},
        {"10.2", "qapi/job.json", 2},
        {"10.2", "qga/qapi-schema.json", 3},
        {"7.2", "qapi/block-core.json", 2},
        {"7.2", "qapi/common.json", 1},
        {"7.2", "qapi/run-state.json", 2},
        {"7.2", "qapi/introspect.json", 2},
        {"7.2", "qga/qapi-schema.json", 3},
    };

    /** Where the QEMU files are copied and the damaged copies written. */
    @TempDir
    static Path root;

    /** Where a minimal reproduction is written. */
    @TempDir
    Path dir;

    private static final Map<String, String> ORIGINALS = new HashMap<>();
    private static ExecutorService worker;
    /** The thread reading the current case, for the stack trace of a hang. */
    private static volatile Thread reader;

    /** What one case read, and how it ended. */
    private record Outcome(boolean valid, int diagnostics) {}

    /** One damaged schema: the file mutated, where it was written, and how to read it. */
    private record Case(long seed, String source, Path mutated, String text, Path entry, List<String> mutations) {
        String describe() {
            return "case seed=" + seed + "L (" + source + (entry.equals(mutated) ? "" : ", included by "
                    + entry.getFileName()) + "), mutations: " + String.join("; ", mutations);
        }
    }

    @BeforeAll
    static void copySchemas() throws IOException {
        Map<String, Path> releases = Map.of("7.2", schemaDir("qemu72.schema.dir"), "10.2",
                schemaDir("qemu102.schema.dir"));
        for (Map.Entry<String, Path> release : releases.entrySet()) {
            for (String folder : List.of("qapi", "qga")) {
                Path from = release.getValue().resolve(folder);
                Path to = Files.createDirectories(root.resolve(release.getKey()).resolve(folder));
                try (Stream<Path> files = Files.list(from)) {
                    for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator) {
                        Files.copy(file, to.resolve(file.getFileName()));
                    }
                }
            }
        }
        for (Object[] source : SOURCES) {
            String key = source[0] + "/" + source[1];
            ORIGINALS.put(key, Files.readString(root.resolve(key), StandardCharsets.UTF_8));
        }
        worker = newWorker();
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    private static Path schemaDir(String property) {
        String dir = System.getProperty(property);
        if (dir == null) {
            throw new IllegalStateException("system property " + property + " is not set: run through Maven "
                    + "(the parent POM passes it to surefire), or pass -D" + property + "=DIR");
        }
        Path path = Path.of(dir);
        if (!Files.isRegularFile(path.resolve("qapi/qapi-schema.json"))) {
            throw new IllegalStateException(property + "=" + dir + " holds no qapi/qapi-schema.json");
        }
        return path;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(null, task, "mutation-fuzz", 0);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Test
    void everyDamagedSchemaIsValidOrALocatedError() {
        // failures grouped by kind (exception and where it was thrown, or what was wrong with a diagnostic):
        // one bug tends to fail many cases, and one example of each is what a reader needs
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int valid = 0;
        int invalid = 0;
        long diagnostics = 0;
        long started = System.nanoTime();
        int cases = 0;
        int failed = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = caseSeed(SEED, i);
            cases++;
            try {
                Outcome outcome = runCase(seed);
                if (outcome.valid()) {
                    valid++;
                } else {
                    invalid++;
                    diagnostics += outcome.diagnostics();
                }
            } catch (CaseFailure e) {
                failed++;
                failures.computeIfAbsent(e.kind, k -> new ArrayList<>()).add(e.getMessage());
                if (e.kind.startsWith("HANG")) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("MutationFuzzTest: %d cases (%d valid, %d invalid with %d diagnostics, %d failed) "
                + "in %.1f s, base seed %d%n", cases, valid, invalid, diagnostics, failed, seconds, SEED);
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder().append(failed).append(" damaged schema(s) broke the ")
                    .append("frontend, in ").append(failures.size()).append(" way(s):\n");
            for (Map.Entry<String, List<String>> kind : failures.entrySet()) {
                List<String> examples = kind.getValue();
                report.append("\n").append(kind.getKey()).append(": ").append(examples.size())
                        .append(" case(s); the shortest:\n")
                        .append(examples.stream().min(java.util.Comparator.comparingInt(String::length)).get())
                        .append('\n');
            }
            fail(report.toString());
        }
    }

    @Test
    void regressionSeeds() {
        List<String> failures = new ArrayList<>();
        for (long seed : REGRESSION_SEEDS) {
            try {
                runCase(seed);
            } catch (CaseFailure e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimalReproductions")
    void minimalReproduction(String name, String entryText, String includedText) {
        Path entry = dir.resolve("entry.json");
        write(entry, entryText.getBytes(StandardCharsets.UTF_8));
        Path bad = entry;
        String badText = entryText;
        if (includedText != null) {
            bad = dir.resolve("inc.json");
            badText = includedText;
            write(bad, includedText.getBytes(StandardCharsets.UTF_8));
        }
        Case c = new Case(0, name, bad, badText, entry, List.of("minimal reproduction " + name + ": "
                + MutationEngine.quote(badText)));
        try {
            runCase(c);
        } catch (CaseFailure e) {
            fail(e.kind + ": " + e.getMessage(), e.getCause());
        }
    }

    /** Case i of a run: a well-mixed seed, so that neighbouring cases differ in every respect. */
    static long caseSeed(long base, int i) {
        long z = base + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A case that broke the frontend; kind groups the cases that most likely share a cause. */
    static final class CaseFailure extends AssertionError {
        private static final long serialVersionUID = 1L;
        final String kind;

        CaseFailure(String kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }
    }

    /** Builds, writes and reads the case of one seed; a {@link CaseFailure} says what went wrong. */
    private static Outcome runCase(long seed) {
        return runCase(makeCase(seed));
    }

    private static Outcome runCase(Case c) {
        Future<Outcome> result = worker.submit(() -> read(c));
        try {
            return result.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            Thread running = reader;
            StackTraceElement[] stuck = running == null ? new StackTraceElement[0] : running.getStackTrace();
            worker.shutdownNow();
            worker = newWorker();
            throw new CaseFailure("HANG", "no result after " + CASE_TIMEOUT_SECONDS + " s: " + c.describe()
                    + "\n" + frames(stuck), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadDiagnostic bad) {
                throw new CaseFailure("bad diagnostic (" + bad.kind + ")", bad.getMessage() + "\n  " + c.describe(),
                        null);
            }
            StackTraceElement[] stack = cause.getStackTrace();
            String kind = cause.getClass().getName() + " escaped"
                    + (stack.length > 0 ? " from " + stack[0] : " (no stack trace)");
            // the message has the top frames; a StackOverflowError's whole trace would drown the report
            throw new CaseFailure(kind, cause + " escaped SchemaReader.read: " + c.describe() + "\n"
                    + frames(stack), cause instanceof StackOverflowError ? null : cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Thrown on the worker for a diagnostic that breaks the rules; kind is the rule. */
    private static final class BadDiagnostic extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String kind;

        BadDiagnostic(String kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }

    private static Case makeCase(long seed) {
        SplittableRandom pick = new SplittableRandom(seed);
        Object[] source = pickSource(pick);
        String release = (String) source[0];
        String path = (String) source[1];
        String key = release + "/" + path;
        MutationEngine engine = new MutationEngine(ORIGINALS.get(key), pick.nextLong()).mutate();
        Path folder = root.resolve(release).resolve(path).getParent();
        Path mutated = folder.resolve("fuzz-case.json");
        Path entry = mutated;
        // qapi/ files rely on pragma.json, which QEMU's qapi-schema.json includes first: half the time they
        // are read as QEMU reads them, included by an entry file after it (and, so, with an include chain)
        if (path.startsWith("qapi/") && pick.nextBoolean()) {
            entry = folder.resolve("fuzz-main.json");
            write(entry, ("# fuzz entry\n{ 'include': 'pragma.json' }\n\n{ 'include': 'fuzz-case.json' }\n"
                    + "{ 'include': 'fuzz-case.json' }\n\n##\n# @FuzzTail:\n##\n"
                    + "{ 'struct': 'FuzzTail', 'data': { '*tail': 'str' } }\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = engine.text().getBytes(StandardCharsets.UTF_8);
        List<String> mutations = new ArrayList<>(engine.descriptions());
        if (pick.nextInt(50) == 0 && bytes.length > 0) {
            // not UTF-8: a lead byte without its continuation, or a byte UTF-8 never uses
            int at = pick.nextInt(bytes.length);
            byte bad = pick.nextBoolean() ? (byte) 0xC3 : (byte) 0xFF;
            byte[] corrupt = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, corrupt, 0, at);
            corrupt[at] = bad;
            System.arraycopy(bytes, at, corrupt, at + 1, bytes.length - at);
            bytes = corrupt;
            mutations.add(String.format("insert byte 0x%02X at byte offset %d", bad & 0xFF, at));
        }
        write(mutated, bytes);
        return new Case(seed, key, mutated, new String(bytes, StandardCharsets.UTF_8), entry, mutations);
    }

    private static Object[] pickSource(SplittableRandom pick) {
        int total = 0;
        for (Object[] source : SOURCES) {
            total += (Integer) source[2];
        }
        int roll = pick.nextInt(total);
        for (Object[] source : SOURCES) {
            roll -= (Integer) source[2];
            if (roll < 0) {
                return source;
            }
        }
        throw new IllegalStateException();
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs on the worker: reads the case and checks how it ended. */
    private static Outcome read(Case c) {
        reader = Thread.currentThread();
        Schema schema;
        try {
            schema = SchemaReader.read(c.entry());
        } catch (SchemaException e) {
            checkDiagnostics(c, e);
            return new Outcome(false, e.diagnostics().size());
        }
        if (schema == null) {
            throw new BadDiagnostic("null schema", "SchemaReader.read returned null");
        }
        SchemaDump.write(schema, Writer.nullWriter());
        return new Outcome(true, 0);
    }

    private static void checkDiagnostics(Case c, SchemaException e) {
        if (e.diagnostics().isEmpty()) {
            throw new BadDiagnostic("none", "SchemaException without diagnostics");
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Diagnostic d : e.diagnostics()) {
            String problem = problem(c, d, texts);
            if (problem != null) {
                throw new BadDiagnostic(problem.replaceAll("[0-9]+", "N").replaceAll(":.*", ""),
                        "bad diagnostic " + MutationEngine.quote(d.format(), 400) + ": " + problem);
            }
            d.format();
        }
        e.getMessage();
    }

    /** What is wrong with a diagnostic, or null. */
    private static String problem(Case c, Diagnostic d, Map<Path, String> texts) {
        String message = d.message();
        if (message == null || message.isBlank()) {
            return "blank message";
        }
        for (char ch : LINE_BREAKS.toCharArray()) {
            if (message.indexOf(ch) >= 0) {
                return String.format("message of more than one line: it holds U+%04X, a line break", (int) ch);
            }
        }
        Location at = d.location();
        if (at == null) {
            boolean unreadableEntry = c.entry().equals(c.mutated()) && message.startsWith("can't read schema file");
            return unreadableEntry ? null : "no location (only an unreadable entry file may have none)";
        }
        if (at.file() == null) {
            return "location without a file";
        }
        Path file = Path.of(at.file().path()).toAbsolutePath().normalize();
        String text = file.equals(c.mutated().toAbsolutePath().normalize()) ? c.text()
                : texts.computeIfAbsent(file, MutationFuzzTest::readOrNull);
        if (text == null) {
            return "location in a file that cannot be read: " + file;
        }
        // lines as QEMU (Python's universal newlines) counts them: LF, CR LF and a lone CR end a line; a
        // file ending in a line end has an empty last "line", the one after the last line
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (at.line() < 1 || at.line() > lines.length) {
            return "line " + at.line() + " is outside the file's " + lines.length + " line(s) (counting the "
                    + "one after a final newline)";
        }
        if (at.column() < 1) {
            return "column " + at.column() + " < 1";
        }
        int width = width(lines[at.line() - 1]);
        if (at.column() > width + 1) {
            return "column " + at.column() + " is beyond the end of line " + at.line() + " (width " + width + ")";
        }
        return null;
    }

    /** A line's width in columns the way locations count them: tabs to the next multiple of 8. */
    private static int width(String line) {
        int column = 1;
        for (int i = 0; i < line.length(); i++) {
            column = line.charAt(i) == '\t' ? ((column - 1) / 8 + 1) * 8 + 1 : column + 1;
        }
        return column - 1;
    }

    private static String readOrNull(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String frames(StackTraceElement[] stack) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
            out.append("    at ").append(stack[i]).append('\n');
        }
        return out.toString();
    }
}
