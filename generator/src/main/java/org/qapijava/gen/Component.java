package org.qapijava.gen;

import com.palantir.javapoet.TypeName;
import org.qapijava.qapi.model.Member;

/**
 * One record component (or interface accessor) made from a schema member.
 *
 * @param name   its Java name
 * @param type   its Java type ({@code Optional<T>} for an optional member)
 * @param member the member it comes from, for its wire name, features, condition and doc; null for
 *               components the generator adds
 */
record Component(String name, TypeName type, Member member) {

    /** The member's wire name; for an added component, its Java name. */
    String wireName() {
        return member == null ? name : member.name();
    }

    boolean optional() {
        return member != null && member.optional();
    }
}
