package org.qapijava.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The entry points of QEMU's real schemas: 7.2 from Debian's source package, 10.2 from ../shared. */
final class QemuSchemas {
    static final List<String> ENTRY_POINTS =
            List.of("qapi/qapi-schema.json", "qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json");

    static Path qemu72() {
        return require(Path.of(System.getProperty("qemu72.schema.dir", "../third-party/qemu-7.2")),
                "run scripts/fetch-qemu-schema.sh");
    }

    static Path qemu102() {
        return require(Path.of(System.getProperty("qemu102.schema.dir", "../../shared/qemu-qapi/v10.2.0")),
                "../shared/qemu-qapi/v10.2.0 must be beside the checkout");
    }

    /** Every entry point of both releases, as {release, entry file}. */
    static List<Object[]> allEntryPoints() {
        List<Object[]> all = new ArrayList<>();
        for (String entry : ENTRY_POINTS) {
            all.add(new Object[] {"7.2", qemu72().resolve(entry)});
        }
        for (String entry : ENTRY_POINTS) {
            all.add(new Object[] {"10.2", qemu102().resolve(entry)});
        }
        return all;
    }

    private static Path require(Path dir, String hint) {
        if (!Files.isRegularFile(dir.resolve(ENTRY_POINTS.get(0)))) {
            throw new IllegalStateException("QEMU schema not found in " + dir.toAbsolutePath() + ": " + hint);
        }
        return dir;
    }

    private QemuSchemas() {}
}
