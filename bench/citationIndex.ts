// The workspace citation index benchmark (issue 15): a synthetic workspace of 5,000 files, 50 MB in all,
// in LaTeX, Markdown, BibTeX and code of several languages, indexed the way the extension will (files read
// asynchronously, scanned in slices that give the event loop back), in a fresh process
// (out/bench/citationIndex.js) so earlier benchmark garbage cannot pause it. Measures the time to index,
// the longest synchronous stretch on the thread meanwhile (a setImmediate probe), and the time for an
// edit to one file to update its citations.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Paper } from '../src/core/types';
import { seededRandom } from '../evaluation/seededRandom';

const ms = z.number().nonnegative();

/** The citation index figures in `npm run bench -- --json`. */
export const citationIndexReportSchema = z.object({
  files: z.number().int().positive(),
  totalMB: z.number().positive(),
  largestFileKB: z.number().positive(),
  runs: z.number().int().positive(),
  citations: z.number().int().nonnegative(),
  keys: z.number().int().nonnegative(),
  /** Median wall time from the first read to the last file indexed. */
  citationIndexMs: ms,
  /** The longest turn of the event loop while indexing (each run's longest; the median of the runs). */
  citationIndexBlockMs: ms,
  /** Median time to re-scan the largest file after an edit and update the index. */
  citationIndexUpdateMs: ms,
  /** Median time for the same on a typical (median-sized) file. */
  citationIndexUpdateTypicalMs: ms,
  heapMB: z.number().positive(),
});

export type CitationIndexReport = z.infer<typeof citationIndexReportSchema>;

/** One synthetic file: where it goes and what it holds. */
export interface SyntheticFile {
  path: string;
  text: string;
}

const KINDS: ReadonlyArray<{ ext: string; share: number }> = [
  { ext: 'tex', share: 0.25 }, { ext: 'md', share: 0.25 }, { ext: 'py', share: 0.18 }, { ext: 'ts', share: 0.12 },
  { ext: 'bib', share: 0.05 }, { ext: 'go', share: 0.05 }, { ext: 'rs', share: 0.04 }, { ext: 'c', share: 0.03 }, { ext: 'r', share: 0.03 },
];

const CODE_LINES = [
  'x = torch.randn(batch, seq, dim)  # "not @cite:a_string"',
  'for (let i = 0; i < n; i++) { total += weights[i] * grads[i]; }',
  'if err != nil { return fmt.Errorf("load %s: %w", path, err) }',
  'let scale = (max - min) / ((1 << bits) - 1) as f32;',
  'result <- data %>% filter(score > 0.5) %>% summarise(mean(score))',
  '@property',
  'def forward(self, x): return self.proj(x) @ self.weight.T',
];

/**
 * A seeded workspace of `count` files totalling about `totalBytes`: sizes spread from 1 KB to a
 * few dozen KB, with one file in 500 of 900 KB, just under the 1 MiB limit; text made of real abstract sentences with citations of real keys,
 * some unknown keys, and code with comments in each language.
 */
export function syntheticWorkspace(papers: readonly Paper[], count: number, totalBytes: number, seed = 15): SyntheticFile[] {
  const random = seededRandom(seed);
  const sentences = papers.flatMap((paper) => paper.abstract.split(/(?<=\.)\s+/)).filter((sentence) => sentence.length > 40);
  const keys = papers.map((paper) => paper.key);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const key = (): string => (random() < 0.05 ? `unknown${Math.floor(random() * 500)}` : pick(keys));
  // Mostly small files, and one in 500 near the 1 MiB limit (a long thesis chapter, a big .bib).
  const weights = Array.from({ length: count }, (_, i) => (i % 500 === 250 ? -1 : Math.exp(random() * 4.5)));
  const large = weights.filter((weight) => weight < 0).length;
  const largeBytes = 900_000;
  const scale = Math.max(0, totalBytes - large * largeBytes) / weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
  const files: SyntheticFile[] = [];
  for (let i = 0; i < count; i++) {
    const size = weights[i] < 0 ? largeBytes : Math.min(largeBytes, Math.max(1000, Math.round(weights[i] * scale)));
    let roll = random();
    const kind = KINDS.find((entry) => (roll -= entry.share) < 0) ?? KINDS[0];
    const parts: string[] = [];
    let length = 0;
    while (length < size) {
      const part = piece(kind.ext, pick(sentences), key, pick(CODE_LINES), random);
      parts.push(part);
      length += part.length + 1;
    }
    files.push({ path: `folder${i % 40}/sub${i % 7}/file${i}.${kind.ext}`, text: parts.join('\n') });
  }
  return files;
}

/** One paragraph, entry or comment of a file of kind `ext`. */
function piece(ext: string, sentence: string, key: () => string, code: string, random: () => number): string {
  switch (ext) {
    case 'tex':
      return random() < 0.1 ? `% ${sentence}` : `${sentence} \\citep[p.~${Math.floor(random() * 9)}]{${key()}, ${key()}}.\n`;
    case 'md':
      return `${sentence} [@${key()}; @${key()}, p. 4] and @${key()} (mail a@b.org).\n`;
    case 'bib':
      return `@misc{${key()}${Math.floor(random() * 1000)},\n  title = {${sentence.slice(0, 60)}},\n  year = {2024}\n}\n`;
    case 'py':
    case 'r':
      return `# ${sentence} @cite:${key()}\n${code}`;
    default:
      return `// ${sentence} @cite:${key()}\n/* ${sentence.slice(0, 50)} */ ${code}`;
  }
}

/** Writes the files under `dir` and returns their total size in bytes. */
export function writeWorkspace(dir: string, files: readonly SyntheticFile[]): number {
  let total = 0;
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.text);
    total += Buffer.byteLength(file.text);
  }
  return total;
}

/**
 * Runs the citation index benchmark in a fresh process (out/bench/citationIndex.js): `files` files, `totalMB`
 * in all, indexed `runs` times. Writes the files under `workDir` and removes them afterwards.
 */
export function measureCitationIndex(corpusFile: string, workDir: string, files: number, totalMB: number, runs: number): CitationIndexReport {
  const dir = join(workDir, 'workspace');
  try {
    const output = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'citationIndex.js'), corpusFile, dir, String(files), String(totalMB), String(runs)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    return citationIndexReportSchema.parse(JSON.parse(output.trim().split('\n').pop() as string));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table lines of the citation index section of `npm run bench`. */
export function formatCitationIndex(report: CitationIndexReport, row: (label: string, value: string) => void): void {
  row('files, size', `${report.files.toLocaleString('en-US')} files, ${report.totalMB.toFixed(1)} MB (largest ${report.largestFileKB.toFixed(0)} KB); ${report.citations.toLocaleString('en-US')} citations of ${report.keys.toLocaleString('en-US')} keys`);
  row('citationIndexMs', `${report.citationIndexMs.toFixed(0)}   (median of ${report.runs}; sliced async, files read with fs.promises)`);
  row('citationIndexBlockMs', `${report.citationIndexBlockMs.toFixed(1)}   (longest event-loop turn while indexing; median of the runs)`);
  row('citationIndexUpdateMs', `${report.citationIndexUpdateMs.toFixed(2)}   (edit to the largest file; a typical file: ${report.citationIndexUpdateTypicalMs.toFixed(3)})`);
  row('heapMB (index of every citation)', report.heapMB.toFixed(1));
}
