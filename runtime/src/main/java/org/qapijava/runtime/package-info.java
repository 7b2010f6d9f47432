/**
 * The runtime that generated code runs on: the QMP connection, negotiation, command ids, pipelining,
 * events, errors, and strict or lenient decoding. It grows with the emitters and runtime issues.
 */
package org.qapijava.runtime;
