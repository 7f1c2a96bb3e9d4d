// The users' corpus benchmark, in a fresh process (see ../userCorpus.ts):
//   userCorpus.js <corpus.json> <dir> <jsonPapers> <perFile> <pageFiles> <runs>
// Writes the corpora under <dir>, loads each <runs> times through the extension's own store, and prints
// one JSON object on stdout.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CorpusLoader } from '../../src/core/store/corpusLoader';
import { WatchedCorpusFiles } from '../../src/core/store/corpusWatch';
import type { Logger } from '../../src/core/events';
import { PaperStore } from '../../src/core/store/paperStore';
import type { Paper } from '../../src/core/types';
import { nodeCorpusFiles } from '../../evaluation/nodeCorpusFiles';
import { median, round, withBlockProbe } from '../stats';
import { syntheticCorpus } from '../synthetic';
import type { UserCorpusLoad, UserCorpusReport } from '../userCorpus';

/** A page dump holding one paper, as the site prints it. */
function onePaperPage(paper: Paper): string {
  return ['Daily Papers', '', 'Mar 14', '', paper.title, '', paper.abstract, '', `  • ${paper.authorsCount ?? 3} authors`, '·', 'Feb 2, 2024 3', ''].join('\n');
}

/** Writes `texts` as files `name(i)` in `folder`; returns their total size in MB. */
function writeAll(folder: string, texts: string[], name: (index: number) => string): number {
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  texts.forEach((text, index) => {
    writeFileSync(join(folder, name(index)), text);
    bytes += Buffer.byteLength(text);
  });
  return bytes / (1024 * 1024);
}

/** Loads the folder `entry` through the store as the extension does, `runs` times. */
async function measure(corpusFile: string, entry: string, runs: number, files: { count: number; papers: number; totalMB: number }, bundled: number): Promise<UserCorpusLoad> {
  const times: number[] = [];
  const blocks: number[] = [];
  let distinct = 0;
  for (let run = 0; run < runs; run++) {
    const problems: string[] = [];
    const log: Logger = { info: () => undefined, warn: (message) => problems.push(message), error: (message) => problems.push(message) };
    const reader = new WatchedCorpusFiles<string>({ fs: nodeCorpusFiles, watch: () => ({ dispose: () => undefined }), resolve: (path) => path, settingKey: 'paperScout.corpus.sources', onChange: () => undefined });
    const store = new PaperStore({
      loader: new CorpusLoader({ name: 'dist/corpus.json', read: () => readFile(corpusFile) }, reader, log),
      settings: { includeBundled: () => true, corpusFileEntries: () => [entry], userTopics: () => [], topicsKey: 'paperScout.topics', corpusFilesKey: 'paperScout.corpus.sources' },
      loadIndex: async () => { throw new Error('the benchmark builds no index'); },
      log,
    });
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    const { longestTurnMs } = await withBlockProbe(() => store.load());
    times.push(performance.now() - start);
    blocks.push(longestTurnMs);
    distinct = store.papers.length - bundled;
    reader.dispose();
    store.dispose();
    if (store.state.kind !== 'ready' || problems.length > 0) throw new Error(`loading ${entry}: ${store.state.kind}; ${problems.slice(0, 3).join('; ')}`);
  }
  return { files: files.count, papers: files.papers, distinct, totalMB: round(files.totalMB, 1), runs, loadMs: round(median(times), 0), blockMs: round(median(blocks), 1) };
}

async function main(): Promise<void> {
  const [corpusFile, dir, jsonText, perFileText, pageText, runsText] = process.argv.slice(2);
  const [jsonPapers, perFile, pageFiles, runs] = [jsonText, perFileText, pageText, runsText].map(Number);
  const real = (JSON.parse(readFileSync(corpusFile, 'utf8')) as { papers: Paper[] }).papers;
  const synthetic = syntheticCorpus(real, real.length + jsonPapers + pageFiles).slice(real.length);
  // JSON papers as users export them: no topics (Paper Scout assigns them), their own ids and keys.
  const json = synthetic.slice(0, jsonPapers).map((paper) => ({ ...paper, topics: [], sources: [] }));
  const jsonFiles = Array.from({ length: Math.ceil(jsonPapers / perFile) }, (_, i) => JSON.stringify({ version: 1, papers: json.slice(i * perFile, (i + 1) * perFile) }));
  const jsonMB = writeAll(join(dir, 'json'), jsonFiles, (i) => `papers-${String(i).padStart(3, '0')}.json`);
  const pages = synthetic.slice(jsonPapers).map(onePaperPage);
  const pagesMB = writeAll(join(dir, 'pages'), pages, (i) => `paper-${String(i).padStart(5, '0')}.txt`);
  json.length = 0;
  jsonFiles.length = 0;
  pages.length = 0;
  synthetic.length = 0;
  const jsonLoad = await measure(corpusFile, join(dir, 'json'), runs, { count: Math.ceil(jsonPapers / perFile), papers: jsonPapers, totalMB: jsonMB }, real.length);
  const pagesLoad = await measure(corpusFile, join(dir, 'pages'), runs, { count: pageFiles, papers: pageFiles, totalMB: pagesMB }, real.length);
  const report: UserCorpusReport = {
    json: jsonLoad,
    pages: pagesLoad,
    userCorpusLoadMs: jsonLoad.loadMs,
    userCorpusBlockMs: jsonLoad.blockMs,
    userCorpusFilesLoadMs: pagesLoad.loadMs,
    userCorpusFilesBlockMs: pagesLoad.blockMs,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`users' corpus benchmark: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
