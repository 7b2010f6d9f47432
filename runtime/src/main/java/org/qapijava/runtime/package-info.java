/**
 * The runtime that generated code runs on: the support types it uses ({@link org.qapijava.runtime.UnknownFields},
 * {@link org.qapijava.runtime.json.JsonValue}, the metadata annotations in {@code meta}, command descriptors),
 * and, with the runtime issue, the QMP client.
 */
package org.qapijava.runtime;
