package org.everseed.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everseed.api.Version;
import org.everseed.api.magnet.InvalidMagnetLinkException;
import org.everseed.api.metainfo.InvalidMetainfoException;

/**
 * Entry point of {@code everseed-agent}: {@code everseed-agent <command> [arguments]}. Exit codes:
 * 0 success, 1 failure (bad torrent, I/O error), 2 wrong usage.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final Map<String, Command> commands = new LinkedHashMap<>();

  Main(List<Command> available) {
    available.forEach(command -> commands.put(command.name(), command));
  }

  /** The commands this build offers, in the order {@code help} lists them. */
  static Main standard() {
    return new Main(
        List.of(
            new CreateCommand(),
            new ShowCommand(),
            new MagnetCommand(),
            new FetchCommand(),
            new SeedCommand(),
            new StatusCommand(),
            new RunCommand()));
  }

  public static void main(String[] args) {
    int code = standard().run(Arrays.asList(args), System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code. */
  int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()
        || args.get(0).equals("help")
        || args.get(0).equals("--help")
        || args.get(0).equals("-h")) {
      if (args.size() > 1 && commands.containsKey(args.get(1))) {
        printCommandHelp(commands.get(args.get(1)), out);
      } else {
        printHelp(out);
      }
      return args.isEmpty() ? USAGE : OK;
    }
    if (args.get(0).equals("version") || args.get(0).equals("--version")) {
      out.println("everseed-agent " + Version.current());
      return OK;
    }
    Command command = commands.get(args.get(0));
    if (command == null) {
      err.println("everseed-agent: unknown command '" + args.get(0) + "'");
      printHelp(err);
      return USAGE;
    }
    try {
      return command.run(args.subList(1, args.size()), out, err);
    } catch (UsageException e) {
      err.println("everseed-agent " + command.name() + ": " + e.getMessage());
      err.println("usage: everseed-agent " + command.name() + " " + command.usage());
      return USAGE;
    } catch (InvalidMetainfoException | InvalidMagnetLinkException e) {
      err.println("everseed-agent " + command.name() + ": " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      err.println("everseed-agent " + command.name() + ": " + describe(e));
      return FAILED;
    } catch (Exception e) {
      err.println("everseed-agent " + command.name() + ": unexpected error: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return kind.isEmpty() || kind.equals("IO") ? e.getMessage() : kind + ": " + e.getMessage();
  }

  private void printHelp(PrintStream out) {
    out.println("usage: everseed-agent <command> [arguments]");
    out.println();
    for (Command command : commands.values()) {
      out.printf("  %-8s %s%n", command.name(), command.summary());
    }
    out.printf("  %-8s %s%n", "help", "help <command> shows a command's options");
    out.printf("  %-8s %s%n", "version", "print the version");
  }

  private static void printCommandHelp(Command command, PrintStream out) {
    out.println("usage: everseed-agent " + command.name() + " " + command.usage());
    out.println(command.summary());
    if (!command.help().isEmpty()) {
      out.println();
      out.print(command.help());
    }
  }
}
