package org.qapijava.gen;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    public static Result write(List<JavaFile> files, Path outputDir, Set<String> packages) throws IOException {
        // rendering is most of the work and each file depends on itself alone: render and write on every core
        List<Boolean> changed;
        try {
            changed = files.parallelStream().map(file -> writeIfChanged(file, pathOf(outputDir, file))).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        Set<Path> produced = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            Path path = pathOf(outputDir, files.get(i));
            produced.add(path.toAbsolutePath().normalize());
            (changed.get(i) ? written : unchanged).add(path);
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
