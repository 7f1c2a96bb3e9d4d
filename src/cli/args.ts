import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

/** Options of the search commands and of `suggest` alike: how many results, which corpus, JSON output. */
export const SHARED_OPTIONS = {
  limit: { type: 'string' },
  corpus: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The options every command accepts (each command uses the ones its help lists). */
const OPTIONS = {
  ...SHARED_OPTIONS,
  format: { type: 'string' },
  topic: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Command-line arguments: the positionals and the known options. */
export interface ParsedArgs {
  positionals: string[];
  flags: { limit?: string; format?: string; topic?: string; corpus?: string; json?: boolean; help?: boolean };
}

/**
 * Parses argv with node:util's parseArgs in strict mode: an unknown option (`--limt 3`) or a missing
 * value is a UsageError (exit code 2), never a search for the words.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  return { positionals, flags: values };
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** What `parseCommandArgs` returns: node:util's typed `values` and the positionals. */
export type ParsedCommandArgs<O extends Options> = ReturnType<typeof parseNodeArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/**
 * Parses arguments against `options` with node:util's parseArgs in strict mode (the global options, or a
 * subcommand's own): an unknown option or a missing value is a `UsageError`.
 */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O): ParsedCommandArgs<O> {
  try {
    return parseNodeArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\s*To specify a positional argument.*$/s, ''));
  }
}

/** A positive whole number given as an option, or undefined when the option is absent. */
export function positiveInteger(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} must be a positive whole number`);
  return value;
}

/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}
