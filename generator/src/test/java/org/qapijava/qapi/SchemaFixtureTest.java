package org.qapijava.qapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFixtureTest {
    @TempDir
    Path dir;

    @Test
    void validSchemaHasNoErrorsAndInvalidOneHasLocatedOnes() {
        SchemaFixture fixture = new SchemaFixture(dir);
        assertThat(fixture.schema("{ 'enum': 'Color', 'data': [ 'red' ] }\n").definitions()).hasSize(1);
        assertThat(fixture.errors("{ 'enum': 'Color', 'data': [ 'Red' ] }\n"))
                .containsExactly("schema.json:1:30: name of value 'Red' of enum 'Color' must not use uppercase or '_'");
        assertThatThrownBy(() -> fixture.errors("{ 'enum': 'Color', 'data': [] }\n")).isInstanceOf(AssertionError.class);
    }
}
