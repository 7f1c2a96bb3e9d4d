import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real bundled page dumps, the parser's test data. Tests run from the repository root. */
export const PAGES_DIR = resolve('media/corpus/pages');

/** Every bundled page as `{file, text}`, in file-name order. */
export function readPages(): { file: string; text: string }[] {
  return readdirSync(PAGES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(PAGES_DIR, file), 'utf8') }));
}
