/**
 * RE2 (re2js), the regular-expression engine without backtracking that runs every pattern a user
 * supplies (topic terms, exclude globs) in time linear in the text. Loaded on first use: most
 * sessions never compile such a pattern.
 */
import type { RE2JS } from 're2js';

let re2js: typeof RE2JS | undefined;

/** The RE2JS class, loaded on first use. */
export function re2(): typeof RE2JS {
  // A require inside the function (bundled by esbuild like an import) keeps its ~150 KB out of activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2js ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return re2js;
}
