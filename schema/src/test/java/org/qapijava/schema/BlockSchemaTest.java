package org.qapijava.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapijava.qapi.SchemaReader;
import org.qapijava.qapi.model.Branch;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.TypeRef;
import org.qapijava.qapi.model.UnionDef;

/** The project's own schema checks clean and describes the block and snapshot surface it promises. */
class BlockSchemaTest {
    private static final Schema SCHEMA = SchemaReader.read(Path.of("src/main/qapi/qapi-schema.json"));

    @Test
    void hasTheCommandsAndEventsOfTheSurface() {
        assertThat(SCHEMA.definitions(CommandDef.class)).extracting(Definition::name).contains(
                "query-block", "query-named-block-nodes", "blockdev-snapshot-internal-sync",
                "blockdev-snapshot-delete-internal-sync", "snapshot-save", "snapshot-load", "snapshot-delete",
                "query-jobs", "job-dismiss", "query-version", "query-status", "qmp_capabilities", "query-commands",
                "query-qmp-schema", "stop", "cont", "quit", "human-monitor-command");
        assertThat(SCHEMA.definitions(EventDef.class)).extracting(Definition::name).contains(
                "SHUTDOWN", "STOP", "RESUME", "JOB_STATUS_CHANGE", "BLOCK_IMAGE_CORRUPTED");
    }

    @Test
    void imageInfoIsRecursiveThroughItsBackingImage() {
        StructDef imageInfo = (StructDef) SCHEMA.lookup("ImageInfo").orElseThrow();
        Member backing = member(SCHEMA.allMembers(imageInfo), "backing-image");
        assertThat(backing.optional()).isTrue();
        assertThat(backing.type()).isEqualTo(new TypeRef.Named("ImageInfo"));
        assertThat(member(SCHEMA.allMembers(imageInfo), "snapshots").type())
                .isEqualTo(new TypeRef.Array("SnapshotInfo"));
        assertThat(member(SCHEMA.allMembers(imageInfo), "format-specific").type())
                .isEqualTo(new TypeRef.Named("ImageInfoSpecific"));
    }

    @Test
    void queryBlockReturnsBlockInfoWithTheImageInsideItsInsertedDevice() {
        CommandDef queryBlock = (CommandDef) SCHEMA.lookup("query-block").orElseThrow();
        assertThat(queryBlock.returns()).isEqualTo(new TypeRef.Array("BlockInfo"));
        StructDef blockInfo = (StructDef) SCHEMA.lookup("BlockInfo").orElseThrow();
        assertThat(member(SCHEMA.allMembers(blockInfo), "inserted").type())
                .isEqualTo(new TypeRef.Named("BlockDeviceInfo"));
        StructDef device = (StructDef) SCHEMA.lookup("BlockDeviceInfo").orElseThrow();
        assertThat(member(SCHEMA.allMembers(device), "image").type()).isEqualTo(new TypeRef.Named("ImageInfo"));
    }

    @Test
    void imageInfoSpecificHasItsQcow2Branch() {
        UnionDef specific = (UnionDef) SCHEMA.lookup("ImageInfoSpecific").orElseThrow();
        assertThat(specific.branches()).extracting(Branch::name).contains("qcow2");
    }

    @Test
    void everyDefinitionIsDocumented() {
        assertThat(SCHEMA.pragmas().docRequired()).isTrue();
        assertThat(SCHEMA.definitions()).allSatisfy(d -> assertThat(d.doc()).isNotNull());
    }

    private static Member member(List<Member> members, String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
