package org.qapijava.qapi.doc;

import org.qapijava.qapi.source.Location;

/**
 * One part of a documentation comment.
 *
 * @param name     for a member or feature description the member's or feature's name; for a tagged
 *                 section its tag without the colon ({@code Returns}, {@code Errors}, {@code Since},
 *                 {@code TODO}, {@code Note}, {@code Example}, ...); null for an untagged paragraph
 * @param text     the text, with the comment markers and the common indentation removed
 * @param location the line where the section starts
 */
public record DocSection(String name, String text, Location location) {}
