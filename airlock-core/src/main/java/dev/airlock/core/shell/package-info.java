/**
 * The shell frontend: commands an agent wants to run and shell scripts become operations. Start at
 * {@link dev.airlock.core.shell.ShellFrontend}: {@code analyze(commandLine, context)} for one
 * command line, {@code parse(source)} for a script. A {@link dev.airlock.core.shell.ShellContext}
 * says where the command runs, and its {@link dev.airlock.core.shell.FileSystemView} what is on
 * disk, so that every path target is resolved (symbolic links included) before a rule sees it.
 * The parser never throws: what it cannot read becomes an {@code Unparsed} operation.
 */
package dev.airlock.core.shell;
