package org.qapijava.qapi.model;

import org.qapijava.qapi.source.Location;

/**
 * A branch of a union (named by a value of its discriminator enum, or of its implicit enum for a legacy
 * simple union) or of an alternate.
 */
public record Branch(String name, TypeRef type, IfCond ifCond, Location location) {}
