package org.qapijava.qapi.model;

import java.util.List;

/**
 * A definition's, member's, value's, branch's or feature's {@code if} condition: the configuration it exists
 * under. A condition never removes anything from the model; generators keep it as metadata.
 */
public sealed interface IfCond {

    /** No condition. */
    IfCond ALWAYS = new Always();

    default boolean isPresent() {
        return !(this instanceof Always);
    }

    /** The absence of a condition. */
    record Always() implements IfCond {}

    /** A configuration symbol, such as {@code CONFIG_SPICE}. */
    record Name(String name) implements IfCond {}

    /** {@code {'all': [...]}}: every operand holds. */
    record All(List<IfCond> operands) implements IfCond {
        public All {
            operands = List.copyOf(operands);
        }
    }

    /** {@code {'any': [...]}}: some operand holds. */
    record Any(List<IfCond> operands) implements IfCond {
        public Any {
            operands = List.copyOf(operands);
        }
    }

    /** {@code {'not': ...}}. */
    record Not(IfCond operand) implements IfCond {}

    /**
     * A C preprocessor expression as QEMU 4.2 to 5.2 wrote conditions ({@code 'defined(CONFIG_X)'}), kept
     * exactly as written.
     */
    record CExpression(String text) implements IfCond {}
}
