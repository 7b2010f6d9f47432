package org.qapijava.schema.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qapijava.schema.view.Fixtures.image;
import static org.qapijava.schema.view.Fixtures.snapshot;

import org.junit.jupiter.api.Test;
import org.qapijava.schema.block.ImageInfo;

class SnapshotSupportTest {
    @Test
    void formatsWithInternalSnapshotsAreCapableWithOrWithoutSnapshots() {
        assertThat(SnapshotSupport.of(image("qcow2"))).isTrue();
        assertThat(SnapshotSupport.of(image("rbd"))).isTrue();
        assertThat(SnapshotSupport.of(image("qcow2", snapshot("1", "s", 0)))).isTrue();
    }

    @Test
    void otherFormatsAreNotUnlessTheyListSnapshots() {
        assertThat(SnapshotSupport.of(image("raw"))).isFalse();
        assertThat(SnapshotSupport.of(image("vmdk"))).isFalse();
        assertThat(SnapshotSupport.of(image("qcow"))).isFalse();
        // a raw node over an rbd protocol node lists the rbd snapshots
        assertThat(SnapshotSupport.of(image("raw", snapshot("1", "s", 0)))).isTrue();
    }

    @Test
    void aFilterIsCapableWhenItsChildIs() {
        ImageInfo overQcow2 = image("throttle").toBuilder().backingImage(image("qcow2")).build();
        ImageInfo overRaw = image("throttle").toBuilder().backingImage(image("raw")).build();
        assertThat(SnapshotSupport.of(overQcow2)).isTrue();
        assertThat(SnapshotSupport.of(overRaw)).isFalse();
        assertThat(SnapshotSupport.of(image("copy-on-read").toBuilder().backingImage(overQcow2).build())).isTrue();
    }

    @Test
    void aFormatWithANamedBackingFileIsNotAFilter() {
        ImageInfo qedOverQcow2 = image("qed").toBuilder().backingFilename("base.qcow2")
                .backingImage(image("qcow2")).build();
        assertThat(SnapshotSupport.of(qedOverQcow2)).isFalse();
    }
}
