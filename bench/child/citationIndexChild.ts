// The workspace citation index benchmark, in a fresh process (see ../citationIndex.ts):
//   citationIndex.js <corpus.json> <dir> <files> <totalMB> <runs>
// Writes the synthetic workspace to <dir>, indexes it <runs> times as the extension will, times edits,
// and prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CitationIndex } from '../../src/core/references/citationIndex';
import { readIntoCitationIndex, updateDocument, type WorkspaceFile } from '../../src/core/references/citationIndexBuild';
import { PathFilter } from '../../src/core/references/pathFilter';
import { languageIdForPath } from '../../src/core/languages';
import type { Paper } from '../../src/core/types';
import { heapMB, median, round, withBlockProbe } from '../stats';
import { syntheticWorkspace, writeWorkspace, type CitationIndexReport } from '../citationIndex';

async function main(): Promise<void> {
  const [corpusFile, dir, count, totalMB, runsText] = process.argv.slice(2);
  const papers = (JSON.parse(readFileSync(corpusFile, 'utf8')) as { papers: Paper[] }).papers;
  const synthetic = syntheticWorkspace(papers, Number(count), Number(totalMB) * 1024 * 1024);
  const totalBytes = writeWorkspace(dir, synthetic);
  const files: WorkspaceFile[] = synthetic.map((file) => ({ id: file.path, relativePath: file.path }));
  // Keep only the two files the edits are timed on: the extension holds no file texts either.
  const bySize = [...synthetic].sort((a, b) => b.text.length - a.text.length);
  const [largest, typical] = [bySize[0], bySize[bySize.length >> 1]];
  synthetic.length = 0;
  bySize.length = 0;
  const filter = new PathFilter(['**/build/**']);
  const runs = Number(runsText);
  const times: number[] = [];
  const blocks: number[] = [];
  let index = new CitationIndex();
  for (let run = 0; run < runs; run++) {
    index = new CitationIndex();
    (globalThis as { gc?: () => void }).gc?.();
    const target = index;
    const start = performance.now();
    const { result, longestTurnMs } = await withBlockProbe(() => readIntoCitationIndex(target, files, { filter, read: (file) => readFile(join(dir, file.relativePath)) }));
    times.push(performance.now() - start);
    blocks.push(longestTurnMs);
    if (result.filesRead !== files.length) throw new Error(`read ${result.filesRead} of ${files.length} files; skipped ${JSON.stringify(result.skipped.slice(0, 3))}`);
  }
  const heap = heapMB();
  const editTime = (file: { path: string; text: string }): number => {
    const samples: number[] = [];
    for (let edit = 0; edit < 9; edit++) {
      const middle = file.text.length >> 1;
      const text = `${file.text.slice(0, middle)} \\cite{edit${edit}} [@edit${edit}] @cite:edit${edit} ${file.text.slice(middle)}`;
      const start = performance.now();
      updateDocument(index, file.path, text, languageIdForPath(file.path) ?? 'plaintext');
      samples.push(performance.now() - start);
    }
    return median(samples);
  };
  const report: CitationIndexReport = {
    files: files.length,
    totalMB: round(totalBytes / (1024 * 1024), 1),
    largestFileKB: round(largest.text.length / 1024, 0),
    runs,
    citations: index.allCitations().length,
    keys: index.keys().length,
    citationIndexMs: round(median(times), 0),
    citationIndexBlockMs: round(median(blocks), 1),
    citationIndexUpdateMs: round(editTime(largest), 2),
    citationIndexUpdateTypicalMs: round(editTime(typical), 3),
    heapMB: heap,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`citation index benchmark: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
