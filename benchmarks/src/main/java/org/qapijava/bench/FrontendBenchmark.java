package org.qapijava.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qapijava.qapi.SchemaReader;
import org.qapijava.qapi.model.Schema;

/**
 * Parse and check of a whole QEMU schema (reading its files included), in-process and warm. The schema's
 * entry file is the system property {@code schema.<name>}, set by benchmarks/run.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FrontendBenchmark {

    @Param({"qemu-10.2", "qemu-7.2"})
    public String schema;

    private Path entry;

    @Setup
    public void locate() {
        entry = Path.of(System.getProperty("schema." + schema, "missing"));
        if (!Files.isRegularFile(entry)) {
            throw new IllegalStateException("set -Dschema." + schema + " to the schema's entry file");
        }
    }

    @Benchmark
    public Schema parseAndCheck() {
        return SchemaReader.read(entry);
    }
}
