package org.qapijava.schema.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qapijava.schema.view.Fixtures.image;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapijava.runtime.wire.DecodePolicy;
import org.qapijava.runtime.wire.WireReader;
import org.qapijava.schema.block.ImageInfo;

class ImageInfoRendererTest {
    @Test
    void formatSpecificDetailsNestInQemusDictionaryOrder() {
        // the bitmap image of extra-query-block-bitmaps.json; QEMU 7.2 dumps such an image the same way
        ImageInfo bitmaps = Fixtures.queryBlock("extra-query-block-bitmaps.json").get(0).inserted().orElseThrow().image();

        assertThat(ImageInfoRenderer.render(bitmaps, ZoneOffset.UTC)).isEqualTo(
                "image: /tmp/qemu-fixture/bm.qcow2\n"
                + "file format: qcow2\n"
                + "virtual size: 64 MiB (67108864 bytes)\n"
                + "disk size: 1.26 MiB\n"
                + "cluster_size: 65536\n"
                + "Format specific information:\n"
                + "    compat: 1.1\n"
                + "    compression type: zlib\n"
                + "    lazy refcounts: false\n"
                + "    bitmaps:\n"
                + "        [0]:\n"
                + "            flags:\n"
                + "                [0]: in-use\n"
                + "                [1]: auto\n"
                + "            name: stored-bm\n"
                + "            granularity: 131072\n"
                + "    refcount bits: 16\n"
                + "    corrupt: false\n"
                + "    extended l2: false\n");
    }

    @Test
    void optionalLines() {
        ImageInfo image = image("qcow2").toBuilder().encrypted(true).dirtyFlag(true).clusterSize(512L)
                .backingFilename("base.qcow2").fullBackingFilename("/images/base.qcow2").backingFilenameFormat("raw")
                .build();
        assertThat(ImageInfoRenderer.render(image, ZoneOffset.UTC)).isEqualTo(
                "image: /images/qcow2.img\n"
                + "file format: qcow2\n"
                + "virtual size: 1 MiB (1048576 bytes)\n"
                + "disk size: unavailable\n"
                + "encrypted: yes\n"
                + "cluster_size: 512\n"
                + "cleanly shut down: no\n"
                + "backing file: base.qcow2 (actual path: /images/base.qcow2)\n"
                + "backing file format: raw\n");

        ImageInfo unresolved = image("qcow2").toBuilder().actualSize(0L).encrypted(false).dirtyFlag(false)
                .backingFilename("gone.qcow2").build();
        assertThat(ImageInfoRenderer.render(unresolved, ZoneOffset.UTC)).isEqualTo(
                "image: /images/qcow2.img\n"
                + "file format: qcow2\n"
                + "virtual size: 1 MiB (1048576 bytes)\n"
                + "disk size: 0 B\n"
                + "backing file: gone.qcow2 (cannot determine actual path)\n");
    }

    @Test
    void chainWalksEveryBackingImage() {
        ImageInfo chain = image("qcow2").toBuilder().filename("top")
                .backingImage(image("qcow2").toBuilder().filename("mid").backingImage(image("raw")).build()).build();
        String text = ImageInfoRenderer.chain(chain, ZoneOffset.UTC);
        assertThat(text.lines().filter(l -> l.startsWith("image: ")))
                .containsExactly("image: top", "image: mid", "image: /images/raw.img");
    }

    @Test
    void detailsOfAFormatThisVersionDoesNotKnowAreDumpedToo() {
        String json = "{\"filename\": \"f\", \"format\": \"future\", \"virtual-size\": 0,"
                + " \"format-specific\": {\"type\": \"future\", \"data\": {\"a-b\": [1, {\"c\": true}], \"d\": {}}}}";
        ImageInfo image = WireReader.of(json.getBytes(StandardCharsets.UTF_8), DecodePolicy.LENIENT)
                .read(ImageInfo::decode);
        assertThat(ImageInfoRenderer.render(image, ZoneOffset.UTC)).endsWith(
                "Format specific information:\n"
                + "    d:\n"
                + "    a b:\n"
                + "        [0]: 1\n"
                + "        [1]:\n"
                + "            c: true\n");
        assertThat(List.of(QDictOrder.bucket("d"), QDictOrder.bucket("a-b"))).isSorted();
    }
}
