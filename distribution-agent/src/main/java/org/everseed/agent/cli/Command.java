package org.everseed.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code everseed-agent}. */
interface Command {

  /** The word that selects it, e.g. {@code create}. */
  String name();

  /** The one-line synopsis of its arguments, e.g. {@code [options] <file|folder>}. */
  String usage();

  /** One line saying what it does. */
  String summary();

  /** The option descriptions shown by {@code everseed-agent help <command>}. */
  String help();

  /**
   * Runs the command with the arguments that follow its name.
   *
   * @return the process exit code
   * @throws UsageException when the arguments are wrong (exit code 2)
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
