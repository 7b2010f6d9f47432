package org.qapijava.gen;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.doc.DocSection;
import org.qapijava.qapi.model.Feature;
import org.qapijava.qapi.model.IfCond;
import org.qapijava.qapi.model.Member;

/**
 * Turns the schema's doc comments into Javadoc, as plain text (one chunk for JavaPoet to emit, not one per
 * line): the text is HTML-escaped, {@code @member} references and
 * {@code `literals`} become {@code {@code ...}}, examples become {@code <pre>} blocks; {@code Since} becomes
 * {@code @since}, {@code Returns} {@code @return}, member descriptions {@code @param}.
 */
final class Javadocs {
    private static final Pattern REFERENCE = Pattern.compile("@([A-Za-z0-9_.-]*[A-Za-z0-9_])");
    private static final Pattern LITERAL = Pattern.compile("``?([^`\\n]+)``?");

    private Javadocs() {}

    /** One paragraph or more of schema doc text as Javadoc HTML. */
    static String text(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;");
        if (escaped.indexOf('`') >= 0) {
            escaped = LITERAL.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("<code>" + m.group(1) + "</code>"));
        }
        if (escaped.indexOf('@') >= 0) {
            escaped = REFERENCE.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("<code>" + m.group(1) + "</code>"));
        }
        return escaped.replace("\n\n", "\n<p>\n").replace("{", "&#123;").replace("}", "&#125;");
    }

    /** A code example, kept as written. */
    private static String example(String text) {
        String body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("{", "&#123;").replace("}", "&#125;");
        return "<pre>\n" + body + "\n</pre>";
    }

    /**
     * A definition's Javadoc: its body, its untagged and tagged sections, its condition and features, then
     * the block tags in the usual order: the given {@code @param} lines, {@code @deprecated}, {@code @since}.
     */
    static CodeBlock definition(Doc doc, String meta, String wireName, IfCond ifCond, List<Feature> features,
            String params) {
        StringBuilder out = new StringBuilder();
        if (doc != null && !doc.body().isBlank()) {
            out.append(text(doc.body())).append('\n');
        } else {
            out.append("The QAPI ").append(meta).append(" {@code ").append(wireName.replace("@", "&#64;")).append("}.\n");
        }
        sections(out, doc);
        condition(out, ifCond);
        features(out, doc, features);
        StringBuilder tags = new StringBuilder();
        if (params != null) {
            tags.append(params);
        }
        deprecation(tags, doc, features);
        since(tags, doc);
        if (!tags.isEmpty()) {
            out.append('\n').append(tags);
        }
        return of(out);
    }

    /** Javadoc text as one literal. */
    static CodeBlock of(CharSequence text) {
        return CodeBlock.of("$L", text.toString());
    }

    /** Features other than {@code deprecated}, with what the doc comment says of them. */
    static void features(StringBuilder out, Doc doc, List<Feature> features) {
        for (Feature feature : features) {
            if (!feature.isDeprecated()) {
                String text = doc == null ? "" : doc.feature(feature.name()).map(s -> text(s.text())).orElse("");
                out.append("<p>Feature {@code ").append(feature.name()).append('}')
                        .append(text.isBlank() ? "." : ": " + text).append('\n');
            }
        }
    }

    /** The description of one member, or a plain line naming its wire name. */
    static String memberText(Doc doc, String wireName) {
        Optional<DocSection> section = doc == null ? Optional.empty() : doc.member(wireName);
        return section.map(s -> text(s.text())).filter(t -> !t.isBlank())
                .orElse("the member {@code " + wireName + "}");
    }

    /** A member's description, with its deprecation and its other features, as one paragraph. */
    static String memberText(Doc doc, Member member) {
        StringBuilder text = new StringBuilder(memberText(doc, member.name()));
        for (Feature feature : member.features()) {
            String reason = doc == null ? "" : doc.feature(feature.name()).map(s -> text(s.text())).orElse("");
            text.append(feature.isDeprecated() ? " <b>Deprecated</b>" : " (feature {@code " + feature.name() + "})")
                    .append(reason.isBlank() ? "" : ": " + reason);
        }
        return text.toString();
    }

    static void sections(StringBuilder out, Doc doc) {
        if (doc == null) {
            return;
        }
        for (DocSection section : doc.sections()) {
            String name = section.name();
            if ("Since".equals(name) || "Returns".equals(name) || section.text().isBlank()) {
                continue;
            }
            if (name != null && name.startsWith("Example")) {
                out.append("<p>").append(name).append(":\n").append(example(section.text())).append('\n');
            } else if (section.text().startsWith(".. qmp-example::")) {
                out.append("<p>Example:\n")
                        .append(example(section.text().substring(".. qmp-example::".length()).strip())).append('\n');
            } else {
                out.append("<p>").append(name == null ? "" : name + ": ").append(text(section.text())).append('\n');
            }
        }
    }

    static void condition(StringBuilder out, IfCond ifCond) {
        if (ifCond.isPresent()) {
            out.append("<p>Only in a QEMU built with {@code ").append(Metadata.condition(ifCond)).append("}.\n");
        }
    }

    static void deprecation(StringBuilder out, Doc doc, List<Feature> features) {
        if (features.stream().anyMatch(Feature::isDeprecated)) {
            String reason = doc == null ? "" : doc.feature(Feature.DEPRECATED).map(s -> text(s.text())).orElse("");
            out.append("@deprecated ").append(reason.isBlank() ? "QEMU marks this deprecated." : reason).append('\n');
        }
    }

    static void since(StringBuilder out, Doc doc) {
        if (doc != null) {
            doc.since().filter(s -> !s.isBlank())
                    .ifPresent(s -> out.append("@since QEMU ").append(text(s.lines().findFirst().orElse(s))).append('\n'));
        }
    }

    /** A command's result, for {@code @return}. */
    static Optional<String> returns(Doc doc) {
        return doc == null ? Optional.empty() : doc.section("Returns").map(s -> text(s.text()));
    }
}
