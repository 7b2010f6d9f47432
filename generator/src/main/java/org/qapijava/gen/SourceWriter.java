package org.qapijava.gen;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes generated files into a source folder, touching only what changed: a file whose content is the same
 * is not rewritten (its timestamp stays, so builds stay incremental), and a generated file that the schema no
 * longer yields is removed. Files without the generated-code marker are never touched.
 */
public final class SourceWriter {

    /** What a write did. */
    public record Result(List<Path> written, List<Path> unchanged, List<Path> removed) {}

    private SourceWriter() {}

    /** Writes already built files. */
    public static Result write(List<JavaFile> files, Path outputDir, Set<String> packages) throws IOException {
        List<JavaGenerator.Unit> units = files.stream()
                .map(file -> new JavaGenerator.Unit(1, () -> List.of(file))).toList();
        return writeUnits(units, outputDir, packages);
    }

    /** Builds, renders and writes a generator's files. */
    public static Result write(JavaGenerator generator, Path outputDir) throws IOException {
        return writeUnits(generator.units(), outputDir, generator.packages());
    }

    /**
     * Each unit is built, rendered and written on its own (they share nothing), on every core, largest
     * first: so the phases overlap, and no large file is left to start last while the other cores wait.
     */
    private static Result writeUnits(List<JavaGenerator.Unit> units, Path outputDir, Set<String> packages)
            throws IOException {
        List<List<Outcome>> outcomes = inParallel(units, unit -> {
            List<Outcome> written = new ArrayList<>();
            for (JavaFile file : unit.files().get()) {
                Path path = pathOf(outputDir, file);
                written.add(new Outcome(path, writeIfChanged(file, path)));
            }
            return written;
        });
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        Set<Path> produced = new HashSet<>();
        for (List<Outcome> unit : outcomes) {
            for (Outcome outcome : unit) {
                produced.add(outcome.path().toAbsolutePath().normalize());
                (outcome.changed() ? written : unchanged).add(outcome.path());
            }
        }
        List<Path> removed = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = outputDir.resolve(pkg.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(dir)) {
                for (Path path : listing.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (!produced.contains(path.toAbsolutePath().normalize()) && isGenerated(path)) {
                        Files.delete(path);
                        removed.add(path);
                    }
                }
            }
        }
        return new Result(written, unchanged, removed);
    }

    private record Outcome(Path path, boolean changed) {}

    /** Runs the work on every unit, largest first, on a thread per core; the results in the units' order. */
    private static <R> List<R> inParallel(List<JavaGenerator.Unit> units, Function<JavaGenerator.Unit, R> work)
            throws IOException {
        List<Integer> largestFirst = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            largestFirst.add(i);
        }
        largestFirst.sort(Comparator.comparingInt((Integer i) -> units.get(i).cost()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), units.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "qapi-gen-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(Collections.nCopies(units.size(), null));
            for (int i : largestFirst) {
                JavaGenerator.Unit unit = units.get(i);
                futures.set(i, pool.submit(() -> work.apply(unit)));
            }
            List<R> results = new ArrayList<>(units.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing generated files");
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path pathOf(Path outputDir, JavaFile file) {
        return outputDir.resolve(file.packageName().replace('.', '/')).resolve(file.typeSpec().name() + ".java");
    }

    /** Renders a file and writes it unless the same content is there already; whether it wrote. */
    private static boolean writeIfChanged(JavaFile file, Path path) {
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), content)) {
                return false;
            }
            Files.createDirectories(path.getParent());
            Files.write(path, content);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isGenerated(Path path) throws IOException {
        try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
            return lines.limit(3).anyMatch(line -> line.contains(JavaGenerator.MARKER));
        }
    }
}
