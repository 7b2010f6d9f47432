package org.qapijava.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.qapijava.runtime.json.JsonValue;
import org.qapijava.runtime.wire.DecodeException;
import org.qapijava.runtime.wire.DecodePolicy;
import org.qapijava.runtime.wire.WireReader;
import org.qapijava.runtime.wire.WireWriter;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.BlockdevDetectZeroesOptions;
import org.qapijava.schema.block.ImageInfoSpecific;
import org.qapijava.schema.block.ImageInfoSpecificKind;
import org.qapijava.schema.block.SnapshotInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real query-block reply's first BlockInfo, damaged in one place, under STRICT and LENIENT: what each
 * accepts, what it keeps, and the exact JSON path of each error.
 */
class DecodePolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNAPSHOT_1 = "$.inserted.image.backing-image.snapshots[1]";

    /** The first BlockInfo of the captured reply, with a second snapshot in the backing image. */
    private static ObjectNode blockInfo(Consumer<ObjectNode> damage) throws IOException {
        ObjectNode info = (ObjectNode) JSON.readTree(RoundTripTest.resource("query-block.json")).get("return").get(0);
        ArrayNode snapshots = (ArrayNode) info.at("/inserted/image/backing-image/snapshots");
        ObjectNode second = (ObjectNode) snapshots.get(0).deepCopy();
        second.put("id", "2").put("name", "base-snap2");
        snapshots.add(second);
        damage.accept(info);
        return info;
    }

    private static BlockInfo decode(JsonNode json, DecodePolicy policy) {
        return WireReader.of(JSON.writeValueAsBytes(json), policy).read(BlockInfo::decode);
    }

    private static JsonNode encode(BlockInfo info) {
        return JSON.readTree(WireWriter.toBytes(BlockInfo::encode, info));
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    @Test
    void anUndamagedReplyIsTheSameUnderBothPolicies() throws IOException {
        ObjectNode json = blockInfo(info -> { });
        assertThat(decode(json, DecodePolicy.STRICT)).isEqualTo(decode(json, DecodePolicy.LENIENT));
        assertThat(decode(json, DecodePolicy.STRICT).inserted().orElseThrow().image().backingImage().orElseThrow()
                .snapshots().orElseThrow()).extracting(SnapshotInfo::name).containsExactly("base-snap1", "base-snap2");
    }

    @Test
    void anExtraMemberIsAnErrorWhenStrictAndKeptWhenLenient() throws IOException {
        ObjectNode json = blockInfo(info -> at(info, "/inserted/image/backing-image/snapshots/1").put("bogus", 7));

        assertThatThrownBy(() -> decode(json, DecodePolicy.STRICT))
                .isInstanceOf(DecodeException.class)
                .hasMessage(SNAPSHOT_1 + ".bogus: unknown member 'bogus' of SnapshotInfo")
                .extracting(e -> ((DecodeException) e).path()).isEqualTo(SNAPSHOT_1 + ".bogus");

        BlockInfo lenient = decode(json, DecodePolicy.LENIENT);
        SnapshotInfo snapshot = lenient.inserted().orElseThrow().image().backingImage().orElseThrow()
                .snapshots().orElseThrow().get(1);
        assertThat(snapshot.unknownFields().members())
                .containsEntry("bogus", new JsonValue.JsonNumber(new java.math.BigDecimal(7)));
        assertThat(encode(lenient)).isEqualTo(json);
    }

    @Test
    void anUnknownEnumValueIsAnErrorWhenStrictAndCarriedThroughWhenLenient() throws IOException {
        ObjectNode json = blockInfo(info -> at(info, "/inserted").put("detect_zeroes", "sometimes"));

        assertThatThrownBy(() -> decode(json, DecodePolicy.STRICT))
                .hasMessage("$.inserted.detect_zeroes: unknown value 'sometimes' of enum BlockdevDetectZeroesOptions");

        BlockInfo lenient = decode(json, DecodePolicy.LENIENT);
        assertThat(lenient.inserted().orElseThrow().detectZeroes()).isEqualTo(BlockdevDetectZeroesOptions.UNRECOGNIZED);
        assertThat(lenient.inserted().orElseThrow().unknownFields().enumValues())
                .containsEntry("detect_zeroes", "sometimes");
        assertThat(encode(lenient)).isEqualTo(json);
    }

    @Test
    void anUnknownUnionBranchIsAnErrorWhenStrictAndCarriedThroughWhenLenient() throws IOException {
        ObjectNode json = blockInfo(info -> {
            ObjectNode specific = at(info, "/inserted/image/format-specific");
            specific.put("type", "qcow3");
            specific.putObject("data").put("cluster-bits", 17);
        });

        assertThatThrownBy(() -> decode(json, DecodePolicy.STRICT))
                .hasMessage("$.inserted.image.format-specific.type: unknown branch 'qcow3' of union ImageInfoSpecific");

        ImageInfoSpecific specific = decode(json, DecodePolicy.LENIENT).inserted().orElseThrow().image()
                .formatSpecific().orElseThrow();
        assertThat(specific).isInstanceOf(ImageInfoSpecific.Unknown.class);
        assertThat(specific.type()).isEqualTo(ImageInfoSpecificKind.UNRECOGNIZED);
        assertThat(specific.unknownFields().enumValues()).containsEntry("type", "qcow3");
        assertThat(encode(decode(json, DecodePolicy.LENIENT))).isEqualTo(json);
    }

    @Test
    void aMissingRequiredMemberIsAnErrorUnderBothPolicies() throws IOException {
        ObjectNode json = blockInfo(info -> at(info, "/inserted/image/backing-image/snapshots/1").remove("name"));
        for (DecodePolicy policy : DecodePolicy.values()) {
            assertThatThrownBy(() -> decode(json, policy)).as("%s", policy)
                    .hasMessage(SNAPSHOT_1 + ": missing required member 'name' of SnapshotInfo");
        }
    }

    @Test
    void aWrongTypeIsAnErrorUnderBothPolicies() throws IOException {
        ObjectNode json = blockInfo(info -> at(info, "/inserted/image/backing-image/snapshots/1").put("icount", "many"));
        for (DecodePolicy policy : DecodePolicy.values()) {
            assertThatThrownBy(() -> decode(json, policy)).as("%s", policy)
                    .hasMessage(SNAPSHOT_1 + ".icount: expected an integer, found a string");
        }
    }

    @Test
    void anIntegerOutOfItsTypesRangeIsAnErrorUnderBothPolicies() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(RoundTripTest.resource("extra-query-block-bitmaps.json"))
                .get("return").get(0);
        at(json, "/inserted/dirty-bitmaps/0").put("granularity", 1L << 40);
        for (DecodePolicy policy : DecodePolicy.values()) {
            assertThatThrownBy(() -> decode(json, policy)).as("%s", policy)
                    .hasMessage("$.inserted.dirty-bitmaps[0].granularity: 1099511627776 is out of range for uint32");
        }
    }
}
