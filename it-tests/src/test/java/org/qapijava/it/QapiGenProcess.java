package org.qapijava.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code qapi-gen.jar} as a separate process, the way a user does. */
final class QapiGenProcess {

    /** What a run left behind. */
    record Result(int exitCode, String stdout, String stderr) {}

    static Path jar() {
        Path jar = Path.of(System.getProperty("qapi-gen.jar", "../generator/target/qapi-gen.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build the generator module first (mvn package)");
        }
        return jar;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("qapi-gen", ".out");
        Path err = Files.createTempFile("qapi-gen", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("qapi-gen did not finish: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private QapiGenProcess() {}
}
