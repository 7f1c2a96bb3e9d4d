// Synthetic corpora for the scale benchmark, made from the real papers: the real papers first, then
// papers whose titles and abstracts recombine real title words and real sentences, with made-up words
// (new method names, jargon) mixed in so the vocabulary grows as it does in real collections
// (Heaps' law: about 38k terms at 10,000 papers and 190k at 100,000). Seeded, so every run is the same.
import { seededRandom } from '../evaluation/seededRandom';
import type { Paper } from '../src/core/types';

const SYLLABLES = ('ka ro mi tel vor zan qu ex lin dra po fen gri mu sol tav ber nix ol ump ce sy hal dor ' +
  'vex pra til mon gu ast rel fi zor ny bel cor dax em il ju kel lum nar oph pel rix sta tro ul').split(' ');

/** The made-up word number `id`: distinct for distinct ids. */
export function syntheticWord(id: number): string {
  let word = '';
  let rest = id + SYLLABLES.length; // at least two syllables
  while (rest > 0) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

/** How many made-up words exist once `papers` synthetic papers were written (grows like papers^0.7). */
function vocabularyAt(papers: number): number {
  const offset = 1000;
  return Math.floor(60 * ((papers + offset) ** 0.7 - offset ** 0.7));
}

/**
 * `count` papers: the real ones (up to `count`), then synthetic ones. Synthetic ids and keys are
 * unique; topics come from the paper whose sentences open the abstract.
 */
export function syntheticCorpus(real: readonly Paper[], count: number, seed = 42): Paper[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const papers = real.slice(0, count);
  const sentencesOf = real.map((paper) => paper.abstract.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 0));
  const titleWords = real.flatMap((paper) => paper.title.split(/\s+/).filter((word) => /^[A-Za-z][A-Za-z-]*$/.test(word)));
  for (let i = 0; papers.length < count; i++) {
    const source = Math.floor(random() * real.length);
    const base = real[source];
    const introduced = vocabularyAt(i);
    const fresh: string[] = [];
    for (let id = introduced, end = vocabularyAt(i + 1); id < end; id++) fresh.push(syntheticWord(id));
    // A few made-up words reused from earlier papers, common ones more often.
    const reused = Array.from({ length: 4 }, () => syntheticWord(Math.floor(introduced * random() ** 2)));
    const words = [...fresh, ...reused];

    const titleParts = base.title.split(/\s+/).map((word) => (random() < 0.25 ? pick(titleWords) : word));
    const named = random() < 0.35 && words.length > 0;
    const title = `${named ? `${capitalize(words[0])}: ` : ''}${titleParts.join(' ')}`;

    const sentenceCount = pick(sentencesOf).length;
    const sentences: string[] = [];
    for (let s = 0; s < Math.max(1, sentenceCount); s++) sentences.push(pick(s === 0 ? [sentencesOf[source][0] ?? ''] : pick(sentencesOf)));
    const tokens = sentences.join(' ').split(' ');
    for (const word of words) tokens.splice(Math.floor(random() * (tokens.length + 1)), 0, word);

    const n = papers.length;
    papers.push({
      ...base,
      id: `${base.id.slice(0, 60)}-s${n}`,
      key: `${base.key}s${n}`,
      title,
      abstract: tokens.join(' ').trim(),
      upvotes: Math.floor(random() * 100),
      sources: ['synthetic'],
    });
  }
  return papers;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
