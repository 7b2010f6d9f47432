package org.qapijava.runtime.command;

/** Executes a command and waits for its result; generated command interfaces build on it. */
public interface CommandExecutor {

    /**
     * @param arguments the arguments, or null for a command that takes none
     * @return the result; null for a command that returns nothing
     */
    <A, R> R execute(CommandDescriptor<A, R> command, A arguments);
}
