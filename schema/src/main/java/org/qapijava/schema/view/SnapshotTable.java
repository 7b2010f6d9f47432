package org.qapijava.schema.view;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.qapijava.schema.block.SnapshotInfo;

/**
 * The lines of QEMU's snapshot tables ({@code info snapshots}, {@code info block -v}, {@code qemu-img
 * snapshot -l}): columns ID, TAG, VM SIZE, DATE, VM CLOCK and ICOUNT. Lines carry no line break.
 *
 * <p>Widths are counted in UTF-8 bytes, as QEMU's C formatting counts them; longer values are not cut.
 * The date is the creation time in {@code zone} (QEMU uses its local time zone); VM CLOCK is the guest
 * clock as hours, minutes, seconds and milliseconds; ICOUNT is empty when the snapshot recorded none.
 */
public final class SnapshotTable {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private SnapshotTable() {}

    /** The column titles. */
    public static String header() {
        return left("ID", 10) + left("TAG", 17) + right("VM SIZE", 8) + right("DATE", 20)
                + right("VM CLOCK", 13) + right("ICOUNT", 11);
    }

    /** The snapshot's line, with its own ID. */
    public static String row(SnapshotInfo snapshot, ZoneId zone) {
        return row(snapshot, snapshot.id(), zone);
    }

    /** The snapshot's line with {@code id} in the ID column ({@code info snapshots} shows "--" for VM snapshots). */
    public static String row(SnapshotInfo snapshot, String id, ZoneId zone) {
        return left(id, 9) + " " + left(snapshot.name(), 16) + " " + right(HumanSize.of(snapshot.vmStateSize()), 8)
                + right(date(snapshot.dateSec(), zone), 20) + right(vmClock(snapshot), 13)
                + right(snapshot.icount().map(String::valueOf).orElse(""), 11);
    }

    /** Creation time, {@code yyyy-MM-dd HH:mm:ss} in {@code zone}; QEMU keeps the seconds as 32 bits unsigned. */
    static String date(long dateSec, ZoneId zone) {
        return DATE.format(Instant.ofEpochSecond(dateSec & 0xFFFF_FFFFL).atZone(zone));
    }

    /** Guest clock as {@code HH:MM:SS.mmm}; hours grow past two digits. */
    static String vmClock(SnapshotInfo snapshot) {
        long nanos = snapshot.vmClockSec() * 1_000_000_000L + snapshot.vmClockNsec();
        long seconds = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", seconds / 3600, seconds / 60 % 60, seconds % 60,
                nanos / 1_000_000L % 1000);
    }

    static String left(String text, int width) {
        return text + " ".repeat(Math.max(0, width - bytes(text)));
    }

    static String right(String text, int width) {
        return " ".repeat(Math.max(0, width - bytes(text))) + text;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
