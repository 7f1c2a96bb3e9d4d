// Hostile input, round three (issue 24): the citation scanner, key look-ups, the .bib reader, BibTeX
// escaping, exclude globs and topic patterns. Each case is a worst input and a benign input of the
// same size; `measureHostile` (hostile.ts) times both and prints their ratio. The shapes are the
// issue's: each took seconds to minutes before.
import { parseBibFile } from '../src/core/citations/bibFile';
import { escapeBibtexTitle } from '../src/core/citations/bibtexEscape';
import { compileGlobs } from '../src/core/glob';
import { CitationIndex } from '../src/core/references/citationIndex';
import { scanKeySpans } from '../src/core/references/scanCitations';
import { assignTopics, compileTopics } from '../src/core/topics/assignTopics';
import { parseUserTopics } from '../src/core/topics/userTopics';
import type { Paper } from '../src/core/types';

/** One shape: the worst input and a benign one of the same size, as work to time. */
export interface HostileCase {
  /** The key of its ratio in the report (`hostileBibitemRatio`). */
  key: string;
  /** A short name for the timings. */
  name: string;
  /** What "the same size" is, in the case's unit (characters, citations, paths). */
  size: number;
  hostile: () => unknown;
  benign: () => unknown;
}

/** Ordinary LaTeX of about `size` characters: sentences with citations, a comment, a \verb. */
function ordinaryLatex(size: number): string {
  const unit = 'Low-rank adapters \\citep[see][p.~4]{lora2021,qlora2023} train fewer weights; \\verb|x| % a note\n';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The round-three cases; `quick` uses small sizes (for the unit test of the benchmark). */
export function roundThreeCases(papers: readonly Paper[], quick: boolean): HostileCase[] {
  const scale = quick ? 0.1 : 1;
  const cases: HostileCase[] = [];

  // \bibitem[ repeated on one line with no ]: 360 KB took 20 s (against 0.3 s).
  const bibitemSize = Math.round(360_000 * scale);
  const bibitems = '\\bibitem['.repeat(Math.ceil(bibitemSize / 9)).slice(0, bibitemSize);
  const latex = ordinaryLatex(bibitemSize);
  cases.push({ key: 'hostileBibitemRatio', name: 'scanner \\bibitem[', size: bibitemSize, hostile: () => scanKeySpans(bibitems, 'latex'), benign: () => scanKeySpans(latex, 'latex') });

  // \verb with delimiters that never recur: 320 KB took 25 s.
  const verbSize = Math.round(320_000 * scale);
  let verbs = '';
  for (let at = 0; verbs.length < verbSize; at++) verbs += `\\verb${String.fromCharCode(0x4e00 + (at % 20_000))}`;
  verbs = verbs.slice(0, verbSize);
  const verbLatex = ordinaryLatex(verbSize);
  cases.push({ key: 'hostileVerbRatio', name: 'scanner \\verb', size: verbSize, hostile: () => scanKeySpans(verbs, 'latex'), benign: () => scanKeySpans(verbLatex, 'latex') });

  // A Markdown file of 150,000 keys (a stack overflow before), against a file of the same size citing
  // as densely as real notes can: bracketed citations of three keys each.
  const keys = Math.round(150_000 * scale);
  const manyKeys = '@k '.repeat(keys);
  const prose = '[@lora2021; @qlora2023; @dora] '.repeat(Math.ceil(manyKeys.length / 31)).slice(0, manyKeys.length);
  cases.push({ key: 'hostileSpreadRatio', name: 'Markdown keys', size: manyKeys.length, hostile: () => scanKeySpans(manyKeys, 'markdown'), benign: () => scanKeySpans(prose, 'markdown') });

  // refs: is each cited key defined? 40,000 citations of a key no paper has took 12-17 s, a paper's key 0.5 s.
  const citations = Math.round(40_000 * scale);
  const lookups = (key: string): (() => number) => {
    const index = new CitationIndex();
    for (let file = 0; file < 40; file++) index.updateFile(`f${file}.md`, `[@${key}] `.repeat(citations / 40), 'markdown');
    index.updateFile('refs.bib', '@misc{defined2024, title={x}}', 'bibtex');
    return () => index.allCitations().filter((location) => !index.isDefined(location.key)).length;
  };
  cases.push({ key: 'hostileKeyLookupRatio', name: 'key look-ups', size: citations, hostile: lookups('unknown2024'), benign: lookups('defined2024') });

  // parseBibFile: a line of 100,000 @ took 7.5 s, against a .bib of the same size.
  const ats = Math.round(100_000 * scale);
  const atLine = '@'.repeat(ats);
  const entry = '@misc{k, title = {A title}, year = 2024}\n';
  const bib = entry.repeat(Math.ceil(ats / entry.length)).slice(0, ats);
  cases.push({ key: 'hostileBibFileRatio', name: 'parseBibFile', size: ats, hostile: () => parseBibFile(atLine), benign: () => parseBibFile(bib) });

  // escapeBibtexTitle: a 160 KB title took 6.5-8 s against 0.3 s.
  const titleSize = Math.round(160_000 * scale);
  const hostileTitle = '$x$ \\in}put {a} 50% #1 '.repeat(Math.ceil(titleSize / 23)).slice(0, titleSize);
  const plainTitle = 'Low rank adaptation of large language models '.repeat(Math.ceil(titleSize / 45)).slice(0, titleSize);
  cases.push({ key: 'hostileBibtexTitleRatio', name: 'escapeBibtexTitle', size: titleSize, hostile: () => escapeBibtexTitle(hostileTitle), benign: () => escapeBibtexTitle(plainTitle) });

  // Exclude globs: *a*a*a*a*a*a*a*a*a*a*a*a*b took over 120 s per path; against the usual excludes, on the same paths.
  const pathCount = Math.round(20_000 * scale);
  const paths = Array.from({ length: pathCount }, (_, at) => `src/${'a'.repeat(40)}${at}/notes/${'a'.repeat(60)}-${at}.md`);
  const hostileGlobs = compileGlobs(['*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/*a*a*a*a*a*a*a*a*a*a*a*a*b', '{*a,*a*a,*a*a*a}{*a,*a*a}*b/**']);
  const benignGlobs = compileGlobs(['**/node_modules', '**/.git', '**/build/**', 'drafts/*.md']);
  const match = (globs: ReturnType<typeof compileGlobs>) => (): number => paths.filter((path) => globs.matches(path)).length;
  cases.push({ key: 'hostileGlobRatio', name: 'exclude globs', size: pathCount, hostile: match(hostileGlobs), benign: match(benignGlobs) });

  // Topic patterns within the size cap that cost most per character, against ordinary patterns of a
  // similar size, on the same abstracts (the bundled ones, each with a 1 MB tail: one paper per step).
  const topicsOf = (sources: string[]): ReturnType<typeof compileTopics>['topics'] =>
    compileTopics(parseUserTopics(sources.map((match, at) => ({ name: `T${at}`, terms: [{ match, weight: 5, regex: true }] })), 'paperScout.topics').rules).topics;
  const hostileTopics = topicsOf(['(.*a){25}', '(?:a|b|ab|ba)*(?:aa|bb){12}', '(a|b)*a(a|b){30}', String.raw`^(\w+\s?)+$`, String.raw`(\w+\s?)+:$`]);
  const benignTopics = topicsOf([String.raw`\b(?:quantization|quantized|quantize)\b`, String.raw`\b(?:LoRA|QLoRA|low-rank adaptation)\b`, String.raw`\b(?:sparse|sparsity|pruning|pruned)\b`, String.raw`\d+-bit`, String.raw`\b(?:LLMs?|large language models?)\b`]);
  const tail = 'a b ab ba word '.repeat(Math.round(70_000 * scale));
  const texts = papers.slice(0, quick ? 20 : 224).map((paper) => `${paper.abstract} ${tail}`);
  cases.push({ key: 'hostileTopicPatternRatio', name: 'topic patterns', size: texts.length, hostile: () => texts.map((text) => assignTopics('Title', text, hostileTopics)), benign: () => texts.map((text) => assignTopics('Title', text, benignTopics)) });

  return cases;
}
