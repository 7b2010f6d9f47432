package org.qapijava.runtime.meta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema's {@code if} condition: the build configuration under which QEMU has this definition, member,
 * enum value or branch. Written as {@code CONFIG_X}, {@code all(A, B)}, {@code any(A, B)}, {@code not(A)}, or
 * a legacy C expression as the schema wrote it. The element is generated all the same; a QEMU built without
 * the configuration does not know it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE,
        ElementType.PARAMETER})
public @interface Condition {
    String value();
}
