package org.qapijava.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qapijava.runtime.command.CommandDescriptor;
import org.qapijava.runtime.wire.DecodePolicy;
import org.qapijava.runtime.wire.Encoder;
import org.qapijava.runtime.wire.WireReader;
import org.qapijava.runtime.wire.WireWriter;
import org.qapijava.schema.block.BlockDeviceInfo;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.CommandInfo;
import org.qapijava.schema.block.JobInfo;
import org.qapijava.schema.block.SchemaInfo;
import org.qapijava.schema.block.StatusInfo;
import org.qapijava.schema.block.VersionInfo;
import org.qapijava.schema.block.command.CommandDescriptors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real QEMU 7.2 replies (captured by scripts/capture/capture.py, kept byte for byte in
 * src/test/resources/qemu-7.2) decode strictly into the generated types and encode back to equal JSON.
 */
class RoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> replies() {
        return Stream.of(
                reply("query-block.json", CommandDescriptors.QUERY_BLOCK, list(BlockInfo::encode)),
                reply("query-block-after-internal-snapshot.json", CommandDescriptors.QUERY_BLOCK, list(BlockInfo::encode)),
                reply("query-block-after-snapshot-save.json", CommandDescriptors.QUERY_BLOCK, list(BlockInfo::encode)),
                reply("extra-query-block-bitmaps.json", CommandDescriptors.QUERY_BLOCK, list(BlockInfo::encode)),
                reply("extra-query-block-after-corrupt.json", CommandDescriptors.QUERY_BLOCK, list(BlockInfo::encode)),
                reply("query-named-block-nodes.json", CommandDescriptors.QUERY_NAMED_BLOCK_NODES,
                        list(BlockDeviceInfo::encode)),
                reply("query-named-block-nodes-flat.json", CommandDescriptors.QUERY_NAMED_BLOCK_NODES,
                        list(BlockDeviceInfo::encode)),
                reply("extra-query-named-block-nodes-bitmaps.json", CommandDescriptors.QUERY_NAMED_BLOCK_NODES,
                        list(BlockDeviceInfo::encode)),
                reply("query-qmp-schema.json", CommandDescriptors.QUERY_QMP_SCHEMA, list(SchemaInfo::encode)),
                reply("query-version.json", CommandDescriptors.QUERY_VERSION, VersionInfo::encode),
                reply("query-status.json", CommandDescriptors.QUERY_STATUS, StatusInfo::encode),
                reply("query-status-paused.json", CommandDescriptors.QUERY_STATUS, StatusInfo::encode),
                reply("query-commands.json", CommandDescriptors.QUERY_COMMANDS, list(CommandInfo::encode)),
                reply("query-jobs-concluded.json", CommandDescriptors.QUERY_JOBS, list(JobInfo::encode)),
                reply("query-jobs-failed.json", CommandDescriptors.QUERY_JOBS, list(JobInfo::encode)));
    }

    private static <R> Arguments reply(String file, CommandDescriptor<?, R> command, Encoder<R> encoder) {
        return Arguments.of(file, command, encoder);
    }

    private static <T> Encoder<List<T>> list(Encoder<T> element) {
        return (out, items) -> out.writeList(items, element);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    <R> void decodesStrictlyAndEncodesBackToEqualJson(String file, CommandDescriptor<?, R> command, Encoder<R> encoder)
            throws IOException {
        JsonNode reply = JSON.readTree(resource(file));
        byte[] returned = JSON.writeValueAsBytes(reply.get("return"));

        R decoded = WireReader.of(returned, DecodePolicy.STRICT).read(command.resultDecoder());
        byte[] encoded = WireWriter.toBytes(encoder, decoded);

        assertThat(JSON.readTree(encoded)).isEqualTo(reply.get("return"));
    }

    static byte[] resource(String file) throws IOException {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/qemu-7.2/" + file)) {
            if (in == null) {
                throw new IOException("no test resource qemu-7.2/" + file);
            }
            return in.readAllBytes();
        }
    }
}
