// Hostile input (issues 13 and 24): for each shape, the time on the worst input over the time on a
// benign input of the same size. A ratio near 1 means the work is as linear as on ordinary text; the
// issues' shapes used to take minutes (ratios in the thousands). Printed by `npm run bench` and in its
// --json output. Round three's cases are in hostileRoundThree.ts (the completion context's is here).
import { citationContextAt } from '../src/citations/citationContext';
import { assignCitationKeys } from '../src/core/citations/citationKey';
import { readableTitle } from '../src/core/citations/latexText';
import { extractLinks } from '../src/core/corpus/links';
import { parsePage } from '../src/core/corpus/parsePage';
import { assignIds } from '../src/core/corpus/slug';
import { mergeUserSources } from '../src/core/corpus/userCorpus';
import { assignTopics, compileTopics } from '../src/core/topics/assignTopics';
import { parseUserTopics } from '../src/core/topics/userTopics';
import type { Paper } from '../src/core/types';
import { roundThreeCases } from './hostileRoundThree';

/** Each ratio with the two medians it came from. */
export interface HostileReport {
  hostileParseRatio: number;
  hostileLinksRatio: number;
  hostileMergeRatio: number;
  hostileTopicRatio: number;
  hostileKeysRatio: number;
  hostileLatexRatio: number;
  hostileCompletionRatio: number;
  /** Round three's ratios (issue 24), by key (`hostileBibitemRatio`, ...): see hostileRoundThree.ts. */
  roundThree: Record<string, number>;
  timings: Record<string, { hostileMs: number; benignMs: number; size: number }>;
}

function medianMs(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

const ratio = (hostile: number, benign: number): number => Number((hostile / Math.max(benign, 0.01)).toPrecision(3));

/** Measures the ratios; `quick` uses small sizes (for the unit test of the benchmark). */
export function measureHostile(papers: readonly Paper[], quick: boolean): HostileReport {
  const runs = quick ? 1 : 3;
  const timings: HostileReport['timings'] = {};
  const record = (name: string, size: number, hostile: () => unknown, benign: () => unknown): number => {
    const hostileMs = medianMs(runs, hostile);
    const benignMs = medianMs(runs, benign);
    timings[name] = { hostileMs: Number(hostileMs.toFixed(2)), benignMs: Number(benignMs.toFixed(2)), size };
    return ratio(hostileMs, benignMs);
  };

  // Links: a URL followed by N ')' (11.6 minutes at 200,000 before), against a URL N characters longer.
  const parens = quick ? 20000 : 200000;
  const hostileLinksRatio = record('links', parens, () => extractLinks(`https://x.io/a${')'.repeat(parens)}`), () => extractLinks(`https://x.io/a${'b'.repeat(parens)}`));

  // Parse: a page whose first title is 96 KB, with a 100,000-space run, against a plain page of equal size.
  const records = quick ? 200 : 2000;
  const plain = Array.from({ length: records }, (_, i) => `Paper ${i}\n\n${'We study sparse models. '.repeat(20)}\n\n  • 2 authors\n·\nJan 3, 2024 1\n`).join('\n');
  const hostilePage = `Huge ${'x'.repeat(96 * 1024)}\n\n${' '.repeat(100000)}x\n\n${plain}`;
  const longAbstract = 'Some words here. '.repeat(Math.ceil((hostilePage.length - plain.length) / 17));
  const benignPage = `Ordinary Title\n\n${longAbstract}\n\n${plain}`;
  const hostileParseRatio = record('parse', hostilePage.length, () => parsePage(hostilePage, 'h.txt'), () => parsePage(benignPage, 'b.txt'));

  // Merge: the same paper from N files (quadratic through Array.includes before) against N different papers.
  const files = quick ? 500 : 10000;
  const page = (title: string): string => `${title}\n\n${'We quantize weights. '.repeat(10)}\n\n  • 2 authors\n·\nJan 3, 2024 1\n`;
  const same = Array.from({ length: files }, (_, i) => ({ file: `s${i}.txt`, text: page('The Same Paper') }));
  const distinct = Array.from({ length: files }, (_, i) => ({ file: `d${i}.txt`, text: page(`Paper Number ${i}`) }));
  const hostileMergeRatio = record('merge', files, () => mergeUserSources(papers, same, []), () => mergeUserSources(papers, distinct, []));

  // Topics: the catastrophic patterns from settings against ordinary ones, on abstracts that end
  // in a long run of words and "!" (where a backtracking engine explodes).
  const hostileRules = parseUserTopics([String.raw`^(\w+\s?)+$`, String.raw`(\w+\s?)+:$`, '(.*a){25}'].map((match, i) => ({ name: `H${i}`, terms: [{ match, weight: 5, regex: true }] })), 'paperScout.topics');
  const benignRules = parseUserTopics([String.raw`\bLoRA\b`, String.raw`\b(LLM|LLMs)\b`, String.raw`\d+-bit`].map((match, i) => ({ name: `B${i}`, terms: [{ match, weight: 5, regex: true }] })), 'paperScout.topics');
  const hostileTopics = compileTopics(hostileRules.rules).topics;
  const benignTopics = compileTopics(benignRules.rules).topics;
  const texts = papers.slice(0, quick ? 50 : 224).map((paper) => `${paper.abstract} ${'word '.repeat(2000)}!`);
  const hostileTopicRatio = record('topics', texts.length, () => texts.map((text) => assignTopics('Title', text, hostileTopics)), () => texts.map((text) => assignTopics('Title', text, benignTopics)));

  // Ids and keys: N papers of one title (every suffix rescanned per paper before: minutes at 40,000)
  // against N papers of distinct titles.
  const clashing = quick ? 4000 : 40000;
  // Distinct identities, as papers that differ in a word the key leaves out would have.
  const sameTitles = Array.from({ length: clashing }, (_, i) => ({ identity: `sparse models ${i}`, title: 'Sparse Models', published: '2024-01-03' }));
  const distinctTitles = Array.from({ length: clashing }, (_, i) => ({ identity: `sparse${i} models`, title: `Sparse${i} Models`, published: '2024-01-03' }));
  const idsAndKeys = (titles: { identity: string; title: string; published: string }[]) => (): unknown => [assignIds(titles), assignCitationKeys(titles)];
  const hostileKeysRatio = record('keys', clashing, idsAndKeys(sameTitles), idsAndKeys(distinctTitles));

  // LaTeX: a title nested N deep (a stack overflow, and quadratic, before) against a flat one as long.
  const depth = quick ? 2000 : 20000;
  const nested = `Deep $${'x^{'.repeat(depth)}y${'}'.repeat(depth)}$ Title`;
  const flat = `Flat $${'x^{y} '.repeat(Math.ceil(nested.length / 6))}$ Title`.slice(0, nested.length);
  const hostileLatexRatio = record('latex', nested.length, () => readableTitle(nested), () => readableTitle(flat));

  // Completion context: asked on every keystroke in every language. Lines of 40 KB: a hex literal in
  // Python (3.4 s per request before), `\cite[` with no `]`, a run of key characters after `[@`, against
  // lines of ordinary prose as long that end in a citation being typed.
  const lineLength = quick ? 4000 : 40000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(lineLength / unit.length)).slice(0, lineLength);
  const hostileLines: [string, string][] = [[`x = 0x${fill('0123456789abcdef')}`, 'python'], [`\\cite${fill('[')}`, 'latex'], [`[@${fill('a-')}`, 'markdown'], [`${fill('\\cite[a]')}{`, 'latex']];
  const benignLines: [string, string][] = [[`x = 1  # ${fill('we prune heads ')}@cite:aw`, 'python'], [`${fill('we prune heads ')}\\cite{aw`, 'latex'], [`${fill('we prune heads ')}[@aw`, 'markdown'], [`${fill('we prune heads ')}\\cite{aw`, 'latex']];
  const contexts = (lines: [string, string][]) => (): unknown => {
    for (let call = 0; call < 50; call++) for (const [line, languageId] of lines) citationContextAt(line, languageId, '@cite:');
    return undefined;
  };
  const hostileCompletionRatio = record('completion', lineLength, contexts(hostileLines), contexts(benignLines));

  const roundThree: Record<string, number> = {};
  for (const shape of roundThreeCases(papers, quick)) roundThree[shape.key] = record(shape.key, shape.size, shape.hostile, shape.benign);

  return { hostileParseRatio, hostileLinksRatio, hostileMergeRatio, hostileTopicRatio, hostileKeysRatio, hostileLatexRatio, hostileCompletionRatio, roundThree, timings };
}

/** The ratios as lines for the benchmark's table. */
export function formatHostile(report: HostileReport): string {
  const lines = ['hostile input (time on the worst shape / time on benign input of the same size):'];
  for (const [name, key] of [['parse', 'hostileParseRatio'], ['links', 'hostileLinksRatio'], ['merge', 'hostileMergeRatio'], ['topics', 'hostileTopicRatio'], ['keys', 'hostileKeysRatio'], ['latex', 'hostileLatexRatio'], ['completion', 'hostileCompletionRatio']] as const) {
    const timing = report.timings[name];
    lines.push(`  ${key.padEnd(24)} ${String(report[key]).padStart(8)}   (${timing.hostileMs} ms vs ${timing.benignMs} ms, size ${timing.size})`);
  }
  for (const [key, ratio] of Object.entries(report.roundThree)) {
    const timing = report.timings[key];
    lines.push(`  ${key.padEnd(24)} ${String(ratio).padStart(8)}   (${timing.hostileMs} ms vs ${timing.benignMs} ms, size ${timing.size})`);
  }
  return lines.join('\n');
}
