package org.qapijava.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {
    @TempDir
    Path dir;

    private final List<String> errors = new ArrayList<>();

    private CheckMojo mojo(Path schema) {
        CheckMojo mojo = new CheckMojo();
        mojo.schema = schema.toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void error(CharSequence content) {
                errors.add(content.toString());
            }
        });
        return mojo;
    }

    @Test
    void validSchemaPasses() throws Exception {
        Path schema = Files.writeString(dir.resolve("ok.json"), "{ 'enum': 'Color', 'data': [ 'red' ] }\n");
        mojo(schema).execute();
        assertThat(errors).isEmpty();
    }

    @Test
    void invalidSchemaFailsTheBuildWithLocatedErrors() throws Exception {
        Path schema = Files.writeString(dir.resolve("bad.json"),
                "{ 'struct': 'Disk', 'data': { 'size': 'Bytes' } }\n{ 'enum': 'mode', 'data': [] }\n");
        assertThatThrownBy(() -> mojo(schema).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("has 2 problems");
        assertThat(errors).containsExactly(
                schema + ":1:31: member 'size' of struct 'Disk' uses unknown type 'Bytes'",
                schema + ":2:11: name of enum 'mode' must use CamelCase");
    }
}
