package org.qapijava.runtime.qmp;

import java.util.List;

/** QEMU's greeting: its version and the capabilities it offers (unknown ones included, as strings). */
public record Greeting(int major, int minor, int micro, String packageName, List<String> capabilities) {

    public Greeting {
        capabilities = List.copyOf(capabilities);
    }
}
