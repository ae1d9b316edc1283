/**
 * The {@code everseed-agent} command line: one {@link org.everseed.agent.cli.Command} per
 * subcommand, dispatched by {@link org.everseed.agent.cli.Main}. Commands write results to stdout
 * and progress or errors to stderr, and return an exit code instead of calling {@code System.exit},
 * so they run in-process in tests.
 */
package org.everseed.agent.cli;
