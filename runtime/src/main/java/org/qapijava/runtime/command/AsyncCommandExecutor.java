package org.qapijava.runtime.command;

import java.util.concurrent.CompletableFuture;

/** Sends a command and returns at once; generated asynchronous command interfaces build on it. */
public interface AsyncCommandExecutor {

    /**
     * @param arguments the arguments, or null for a command that takes none
     * @return the result, when QEMU has sent it; null for a command that returns nothing
     */
    <A, R> CompletableFuture<R> executeAsync(CommandDescriptor<A, R> command, A arguments);
}
