package org.qapijava.schema.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qapijava.schema.block.SnapshotInfo;

class SnapshotTableTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void headerHasQemusColumnWidths() {
        assertThat(SnapshotTable.header())
                .isEqualTo("ID        TAG               VM SIZE                DATE     VM CLOCK     ICOUNT");
    }

    @Test
    void rowOfACapturedSnapshot() {
        // top-snap1 of query-block.json; QEMU printed this line for it (TZ=UTC)
        SnapshotInfo snapshot = new SnapshotInfo("1", "top-snap1", 0, 1795324717L, 350938000L, 0, 0, Optional.of(0L));
        assertThat(SnapshotTable.row(snapshot, UTC))
                .isEqualTo("1         top-snap1             0 B 2026-11-22 05:18:37 00:00:00.000          0");
        assertThat(SnapshotTable.row(snapshot, "--", UTC))
                .isEqualTo("--        top-snap1             0 B 2026-11-22 05:18:37 00:00:00.000          0");
    }

    @Test
    void dateIsLocalTimeInTheGivenZone() {
        SnapshotInfo snapshot = new SnapshotInfo("1", "s", 0, 1795324717L, 0, 0, 0, Optional.empty());
        assertThat(SnapshotTable.row(snapshot, ZoneId.of("Asia/Kolkata"))).contains(" 2026-11-22 10:48:37 ");
        assertThat(SnapshotTable.row(snapshot, ZoneId.of("America/New_York"))).contains(" 2026-11-22 00:18:37 ");
    }

    @Test
    void vmClockHasHoursMinutesSecondsAndMillisecondsAndNoIcountLeavesTheColumnBlank() {
        SnapshotInfo snapshot = new SnapshotInfo("12", "vm-snap", 1_280_000, 0, 0,
                100 * 3600 + 2 * 60 + 3, 45_678_901, Optional.empty());
        assertThat(SnapshotTable.row(snapshot, UTC))
                .isEqualTo("12        vm-snap          1.22 MiB 1970-01-01 00:00:00100:02:03.045           ");
    }

    @Test
    void longValuesOverflowTheirColumnsWithoutASeparatorAndWidthsCountUtf8Bytes() {
        // as C's printf: a value wider than its column pushes the rest right, nothing is cut or added
        SnapshotInfo longName = new SnapshotInfo("1234567890", "a-tag-longer-than-16", 765, 0, 0, 0, 0,
                Optional.of(123456789012L));
        assertThat(SnapshotTable.row(longName, UTC))
                .isEqualTo("1234567890 a-tag-longer-than-16    765 B 1970-01-01 00:00:00 00:00:00.000123456789012");
        SnapshotInfo accented = new SnapshotInfo("1", "été", 0, 0, 0, 0, 0, Optional.empty());
        // "été" is 5 UTF-8 bytes, so 11 spaces pad it to 16 columns as C's printf does
        assertThat(SnapshotTable.row(accented, UTC)).startsWith("1         été" + " ".repeat(11) + " ");
    }
}
