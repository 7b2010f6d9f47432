package org.qapijava.schema.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qapijava.runtime.wire.WireWriter;
import org.qapijava.schema.block.BlockInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * QEMU serialises a QMP reply by walking its dictionaries, so the member order of a captured reply is QEMU's
 * dictionary order. Our encoder writes members in schema order, which is the order QEMU inserts them in;
 * {@link QDictOrder} applied to that must give the captured order, for every object of every reply.
 */
class QDictOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"query-block.json", "query-block-after-snapshot-save.json",
        "query-block-after-internal-snapshot.json", "extra-query-block-bitmaps.json",
        "extra-query-block-after-corrupt.json"})
    void capturedMemberOrderIsTheDictionaryOrderOfTheSchemaOrder(String file) {
        JsonNode captured = JSON.readTree(Fixtures.resource(file)).get("return");
        List<BlockInfo> blocks = Fixtures.queryBlock(file);
        JsonNode schemaOrder = JSON.readTree(WireWriter.toBytes((out, list) -> out.writeList(list, BlockInfo::encode), blocks));

        int objects = compare(captured, schemaOrder);
        assertThat(objects).isGreaterThan(5);
    }

    private static int compare(JsonNode captured, JsonNode schemaOrder) {
        int objects = 0;
        if (captured.isObject()) {
            assertThat(QDictOrder.of(names(schemaOrder))).as("members of %s", captured).isEqualTo(names(captured));
            objects++;
            for (String name : names(captured)) {
                objects += compare(captured.get(name), schemaOrder.get(name));
            }
        } else if (captured.isArray()) {
            for (int i = 0; i < captured.size(); i++) {
                objects += compare(captured.get(i), schemaOrder.get(i));
            }
        }
        return objects;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }
}
