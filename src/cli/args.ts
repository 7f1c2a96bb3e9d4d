/** Command-line arguments split into positionals and `--flag [value]` options. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Parses argv; `valueFlags` names the flags that take a value (`--limit 5` or `--limit=5`). */
export function parseArgs(argv: readonly string[], valueFlags: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) flags.set(name, inline);
      else if (valueFlags.has(name)) {
        const value = argv[i + 1];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
        i++;
      } else flags.set(name, true);
    } else if (arg === '-h') flags.set('help', true);
    else positionals.push(arg);
  }
  return { positionals, flags };
}

/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}
