package org.qapijava.runtime.meta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema's feature flags on a definition, member or enum value ({@code unstable}, {@code deprecated},
 * and any other), so that none is silently dropped; {@code deprecated} also yields {@link Deprecated}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE,
        ElementType.PARAMETER})
public @interface Features {
    String[] value();
}
