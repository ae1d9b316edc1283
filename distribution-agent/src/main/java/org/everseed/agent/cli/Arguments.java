package org.everseed.agent.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments after the subcommand: options ({@code --name value}, {@code --name=value}, short
 * aliases such as {@code -o value}), flags ({@code --public}) and positional arguments. Each
 * command declares what it accepts, so a typo is an error rather than silently ignored.
 */
final class Arguments {

  private final Map<String, List<String>> options = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positionals = new ArrayList<>();

  private Arguments() {}

  /**
   * @param valued the long names (without dashes) of options that take a value
   * @param flagNames the long names of options that take none
   * @param aliases short names (without the dash) mapped to long names
   */
  static Arguments parse(
      List<String> args, Set<String> valued, Set<String> flagNames, Map<String, String> aliases)
      throws UsageException {
    Arguments parsed = new Arguments();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        parsed.positionals.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        parsed.positionals.add(arg);
        continue;
      }
      String name;
      String inlineValue = null;
      if (arg.startsWith("--")) {
        name = arg.substring(2);
        int equals = name.indexOf('=');
        if (equals >= 0) {
          inlineValue = name.substring(equals + 1);
          name = name.substring(0, equals);
        }
      } else {
        name = aliases.get(arg.substring(1));
        if (name == null) {
          throw new UsageException("unknown option " + arg);
        }
      }
      if (flagNames.contains(name)) {
        if (inlineValue != null) {
          throw new UsageException("--" + name + " takes no value");
        }
        parsed.flags.add(name);
      } else if (valued.contains(name)) {
        String value = inlineValue;
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("--" + name + " needs a value");
          }
          value = args.get(++i);
        }
        parsed.options.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      } else {
        throw new UsageException("unknown option " + arg);
      }
    }
    return parsed;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /** The last value given for {@code name}, if any. */
  Optional<String> option(String name) {
    List<String> values = options.getOrDefault(name, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }

  /** Every value given for a repeatable option, in order. */
  List<String> options(String name) {
    return List.copyOf(options.getOrDefault(name, List.of()));
  }

  List<String> positionals() {
    return List.copyOf(positionals);
  }

  /** The single positional argument, named {@code what} in the error. */
  String onePositional(String what) throws UsageException {
    if (positionals.size() != 1) {
      throw new UsageException("expected one " + what + ", got " + positionals.size());
    }
    return positionals.get(0);
  }
}
