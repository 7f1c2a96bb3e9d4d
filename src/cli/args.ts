import { parseArgs as parseNodeArgs } from 'node:util';

/** The options every command accepts (each command uses the ones its help lists). */
const OPTIONS = {
  limit: { type: 'string' },
  format: { type: 'string' },
  topic: { type: 'string' },
  corpus: { type: 'string' },
  json: { type: 'boolean' },
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
  try {
    const { values, positionals } = parseNodeArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    return { positionals, flags: values };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\s*To specify a positional argument.*$/s, ''));
  }
}

/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}
