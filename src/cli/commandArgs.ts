/** Option parsing for the subcommands that read their own options (suggest, refs), with node:util. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './args';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What `parseCommandArgs` returns: node:util's typed `values` and the positionals. */
export type ParsedCommandArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/** Parses a subcommand's arguments (after its name); an unknown option or a missing value is a `UsageError`. */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A positive whole number given as an option, or undefined when the option is absent. */
export function positiveInteger(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} must be a positive whole number`);
  return value;
}
