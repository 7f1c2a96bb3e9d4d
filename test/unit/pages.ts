import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseLegacyKeys } from '../../src/core/citations/keyAliases';

/** The real bundled page dumps, the parser's test data. Tests run from the repository root. */
export const PAGES_DIR = resolve('media/corpus/pages');

/** Every bundled page as `{file, text}`, in file-name order. */
export function readPages(): { file: string; text: string }[] {
  return readdirSync(PAGES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(PAGES_DIR, file), 'utf8') }));
}

/** The frozen old keys of the bundled papers (`media/corpus/legacyKeys.json`), key → normalised title. */
export function readLegacyKeys(): Map<string, string> {
  return parseLegacyKeys(JSON.parse(readFileSync(resolve('media/corpus/legacyKeys.json'), 'utf8')));
}
