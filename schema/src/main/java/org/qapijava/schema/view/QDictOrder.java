package org.qapijava.schema.view;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which QEMU walks the members of one of its dictionaries (a {@code QDict}), which is the order
 * of its monitor's text dumps and of the members of its QMP replies.
 *
 * <p>A QDict is a hash table of 512 buckets, keyed with the gdbm/tdb string hash; a walk goes through the
 * buckets in ascending order, and within a bucket from the latest inserted member to the earliest. QEMU
 * inserts an object's members in schema order, so that is the order the keys must be given in.
 */
final class QDictOrder {
    private static final int BUCKETS = 512;

    private QDictOrder() {}

    /** The keys, given in insertion order, in QEMU's walking order. */
    static List<String> of(List<String> insertionOrder) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < insertionOrder.size(); i++) {
            positions.add(i);
        }
        positions.sort(Comparator.<Integer>comparingInt(i -> bucket(insertionOrder.get(i)))
                .thenComparing(Comparator.<Integer>reverseOrder()));
        return positions.stream().map(insertionOrder::get).toList();
    }

    /** The key's bucket: the hash of its UTF-8 bytes, as unsigned 32-bit arithmetic, modulo the bucket count. */
    static int bucket(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int value = 0x238F13AF * bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            value += (bytes[i] & 0xFF) << (i * 5 % 24);
        }
        return Integer.remainderUnsigned(1103515243 * value + 12345, BUCKETS);
    }
}
