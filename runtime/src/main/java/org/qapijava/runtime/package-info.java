/**
 * The runtime that generated code runs on: the support types it uses ({@link org.qapijava.runtime.UnknownFields},
 * {@link org.qapijava.runtime.json.JsonValue}, the metadata annotations in {@code meta}, command descriptors),
 * the wire codecs' reader and writer in {@code wire}, and the QMP client in {@code qmp}.
 */
package org.qapijava.runtime;
