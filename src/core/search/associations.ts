/**
 * Word associations learned from the papers themselves: which index terms turn up near which others
 * in titles and abstracts more often than chance says (normalized pointwise mutual information, NPMI,
 * counted once per paper within a window of words). They let a query in a user's own words reach the
 * papers' words ("smaller" reaches "compress", "memory" reaches "footprint") as weighted expansions
 * in the MiniSearch query (`queryPlan.ts`). Pure and linear in the papers' length: the bundled
 * corpus is mined at build time, a user's library when its index is made.
 */

/** How associations are mined. */
export interface AssociationOptions {
  /** Words either side of a word that count as near it. */
  window: number;
  /** A term is associated only when at least this many papers hold it... */
  minPapers: number;
  /** ...and at most this share of papers (a term most papers hold tells nothing). */
  maxShare: number;
  /** A pair counts only when this many papers hold it within the window. */
  minPairPapers: number;
  /** Pairs whose NPMI is below this are dropped. */
  minScore: number;
  /** Associations kept per term, the strongest. */
  perTerm: number;
}

/** Measured on the tuning halves of the evaluation sets (`evaluation/`). */
export const DEFAULT_ASSOCIATION_OPTIONS: AssociationOptions = { window: 6, minPapers: 2, maxShare: 0.3, minPairPapers: 2, minScore: 0.3, perTerm: 8 };

/** A term associated with another, and how strongly (NPMI, in (0, 1]). */
export interface Association {
  term: string;
  weight: number;
}

/** Each term's associations, strongest first. */
export type Associations = ReadonlyMap<string, readonly Association[]>;

/** Work between two reports of the mining, in term occurrences. */
const STEP_OCCURRENCES = 20000;

/**
 * Collects the term sequence of each paper (title and abstract, stopwords out, stemmed), then mines
 * the associations in one pass over the occurrences of each term, using typed arrays only.
 */
export class AssociationMiner {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private sequence = new Int32Array(1024);
  private length = 0;
  /** Where each paper's terms start in `sequence`; one more entry than papers once finished. */
  private readonly starts: number[] = [];

  constructor(private readonly options: AssociationOptions = DEFAULT_ASSOCIATION_OPTIONS) {}

  /** Starts the next paper. */
  startPaper(): void {
    this.starts.push(this.length);
  }

  /** Adds the next term of the current paper. */
  addTerm(term: string): void {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
    }
    if (this.length === this.sequence.length) {
      const grown = new Int32Array(this.sequence.length * 2);
      grown.set(this.sequence);
      this.sequence = grown;
    }
    this.sequence[this.length++] = id;
  }

  /** The associations of the papers seen. */
  result(): Map<string, Association[]> {
    const steps = this.resultSteps();
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /** `result` in steps of bounded work, so a large library is mined without blocking its thread for long. */
  *resultSteps(): Generator<void, Map<string, Association[]>> {
    const { window, minPapers, maxShare, minPairPapers, minScore, perTerm } = this.options;
    const papers = this.starts.length;
    const starts = [...this.starts, this.length];
    const terms = this.names.length;
    const sequence = this.sequence;
    // Papers holding each term, and every occurrence of each term grouped by term (counting sort).
    const held = new Int32Array(terms);
    const lastPaper = new Int32Array(terms).fill(-1);
    const occurrences = new Int32Array(terms + 1);
    let work = 0;
    for (let paper = 0; paper < papers; paper++) {
      for (let at = starts[paper]; at < starts[paper + 1]; at++) {
        const term = sequence[at];
        occurrences[term + 1]++;
        if (lastPaper[term] !== paper) {
          lastPaper[term] = paper;
          held[term]++;
        }
      }
      work += starts[paper + 1] - starts[paper];
      if (work >= STEP_OCCURRENCES) {
        work = 0;
        yield;
      }
    }
    for (let term = 0; term < terms; term++) occurrences[term + 1] += occurrences[term];
    const positions = new Int32Array(this.length);
    const paperOf = new Int32Array(this.length);
    const fill = occurrences.slice(0, terms);
    for (let paper = 0; paper < papers; paper++) {
      for (let at = starts[paper]; at < starts[paper + 1]; at++) {
        const slot = fill[sequence[at]]++;
        positions[slot] = at;
        paperOf[slot] = paper;
      }
      work += starts[paper + 1] - starts[paper];
      if (work >= STEP_OCCURRENCES) {
        work = 0;
        yield;
      }
    }
    const maxPapers = Math.max(minPapers, Math.floor(maxShare * papers));
    const eligible = (term: number): boolean => held[term] >= minPapers && held[term] <= maxPapers;
    const pairPapers = new Int32Array(terms);
    const seenIn = new Int32Array(terms).fill(-1);
    const touched: number[] = [];
    const found = new Map<string, Association[]>();
    work = 0;
    for (let term = 0; term < terms; term++) {
      if (!eligible(term)) continue;
      for (let slot = occurrences[term]; slot < occurrences[term + 1]; slot++) {
        const paper = paperOf[slot];
        const at = positions[slot];
        const from = Math.max(starts[paper], at - window);
        const to = Math.min(starts[paper + 1], at + window + 1);
        for (let near = from; near < to; near++) {
          const other = sequence[near];
          if (other === term || seenIn[other] === paper || !eligible(other)) continue;
          seenIn[other] = paper;
          if (pairPapers[other] === 0) touched.push(other);
          pairPapers[other]++;
        }
        work += to - from;
      }
      const kept: Association[] = [];
      for (const other of touched) {
        const together = pairPapers[other];
        pairPapers[other] = 0;
        seenIn[other] = -1;
        if (together < minPairPapers) continue;
        const score = npmi(together, held[term], held[other], papers);
        if (score >= minScore) kept.push({ term: this.names[other], weight: Math.round(score * 100) / 100 });
      }
      touched.length = 0;
      if (kept.length > 0) {
        kept.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
        found.set(this.names[term], kept.slice(0, perTerm));
      }
      if (work >= STEP_OCCURRENCES) {
        work = 0;
        yield;
      }
    }
    return found;
  }
}

/**
 * Normalized pointwise mutual information of two terms held together by `together` of `papers`
 * papers and alone by `a` and `b`: 1 when they always come together, 0 when independent.
 */
export function npmi(together: number, a: number, b: number, papers: number): number {
  if (together <= 0 || together >= papers) return together >= papers ? 1 : -1;
  const joint = together / papers;
  return Math.log(joint / ((a / papers) * (b / papers))) / -Math.log(joint);
}

/** Associations as text, one term a line: `term<TAB>other weight other weight ...`. */
export function associationsToText(associations: Associations): string {
  const lines: string[] = [];
  for (const term of [...associations.keys()].sort()) {
    const list = associations.get(term) as readonly Association[];
    lines.push(`${term}\t${list.map((entry) => `${entry.term} ${entry.weight}`).join(' ')}`);
  }
  return lines.join('\n');
}

/** Reads text written by `associationsToText`; throws on a malformed line. */
export function associationsFromText(text: string): Map<string, Association[]> {
  const associations = new Map<string, Association[]>();
  if (text === '') return associations;
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    const parts = line.slice(tab + 1).split(' ');
    if (tab <= 0 || parts.length % 2 !== 0) throw new Error('the vocabulary is corrupt: a line of associations is malformed');
    const list: Association[] = [];
    for (let at = 0; at < parts.length; at += 2) {
      const weight = Number(parts[at + 1]);
      if (!parts[at] || !(weight > 0 && weight <= 1)) throw new Error('the vocabulary is corrupt: an association weight is not in (0, 1]');
      list.push({ term: parts[at], weight });
    }
    associations.set(line.slice(0, tab), list);
  }
  return associations;
}
