package org.qapijava.runtime.command;

import org.qapijava.runtime.wire.Decoder;
import org.qapijava.runtime.wire.Encoder;

/**
 * What the runtime needs to know to execute one command: its wire name, its argument and return types (as
 * the schema writes them), and its flags.
 *
 * @param <A> the Java type of its arguments ({@link Void} when it takes none)
 * @param <R> the Java type of its result ({@link Void} when it returns nothing)
 * @param wireName        the name sent in {@code "execute"}
 * @param arguments       the arguments' schema type name, or null when it takes none
 * @param returns         the result's schema type ({@code "[BlockInfo]"}), or null when it returns nothing
 * @param allowOob        it may run out of band ({@code "exec-oob"}) when the connection negotiated it
 * @param allowPreconfig  it may run while QEMU waits in its preconfig state
 * @param successResponse false when QEMU sends no reply on success: the caller must not wait for one
 * @param coroutine       QEMU runs it in a coroutine
 * @param raw             the schema has {@code 'gen': false}: it takes raw JSON arguments and no typed
 *                        arguments exist for it
 * @param argumentsEncoder writes the arguments object; null when it takes none
 * @param resultDecoder    reads the {@code "return"} value; null when it returns nothing (QEMU sends {})
 */
public record CommandDescriptor<A, R>(String wireName, String arguments, String returns, boolean allowOob,
        boolean allowPreconfig, boolean successResponse, boolean coroutine, boolean raw,
        Encoder<A> argumentsEncoder, Decoder<R> resultDecoder) {}
