/**
 * The command line. {@link dev.airlock.cli.Main} wires picocli; each subcommand is one class
 * ({@code CheckCommand}, {@code RulesCommand}). Only this package prints or exits.
 */
package dev.airlock.cli;
