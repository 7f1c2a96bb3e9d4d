import { processTerm, tokenize } from './terms';

/**
 * The inverted index behind `PaperIndex`: a sorted vocabulary, and for each term the papers that contain
 * it with a precomputed weight (BM25 summed over the fields, each with its boost). Everything lives in
 * three flat typed arrays, so the index costs little heap, queries allocate nothing per posting, and it
 * saves to and loads from bytes without parsing.
 */
export interface TermIndexData {
  /** Number of papers; postings refer to papers by their position 0..docCount-1. */
  docCount: number;
  /** Index terms, sorted by UTF-16 code units, so a prefix is one contiguous range. */
  terms: string[];
  /** Postings of term `t` are `docs[offsets[t]..offsets[t+1])`, paper positions ascending. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** Weight of each posting: how strongly the paper is about the term. */
  weights: Float32Array;
  /** Hash of the paper ids in order, so a saved index is never used with other papers. */
  fingerprint: number;
}

/** The indexed fields of a paper, in this order, with their boosts. */
export const FIELD_NAMES = ['title', 'nickname', 'abstract', 'topics', 'key'] as const;
const FIELD_BOOSTS = [3, 6, 1, 1.5, 6];
const FIELD_COUNT = FIELD_NAMES.length;
const TF_BITS = 6;
const TF_MAX = (1 << TF_BITS) - 1;
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;

/** Progress of an index build. */
export interface BuildProgress {
  phase: 'reading' | 'finishing';
  /** Work done and total in this phase (papers while reading, postings while finishing). */
  done: number;
  total: number;
}

/** A growable array of unsigned 32-bit numbers. */
class U32List {
  array = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = new Uint32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
}

/** FNV-1a over the ids, separated by newlines. */
export function fingerprintIds(ids: Iterable<string>): number {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 10;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Builds a `TermIndexData` from the field texts of each paper (in `FIELD_NAMES` order), one step at a
 * time: the generator yields progress every few hundred papers or postings so an async caller can give
 * the event loop back and check for cancellation; a synchronous caller just drains it.
 */
export function* buildTermIndex(docCount: number, fieldsOf: (doc: number) => string[], fingerprint: number): Generator<BuildProgress, TermIndexData> {
  const termIds = new Map<string, number>();
  const termList: string[] = [];
  const processed = new Map<string, string | null>();
  let docFreqs = new Uint32Array(1024 * FIELD_COUNT);
  const postingTerm = new U32List();
  const postingDoc = new U32List();
  const postingTf = new U32List();
  const fieldLengths = Array.from({ length: FIELD_COUNT }, () => new Uint32Array(docCount));
  const fieldTotals = new Float64Array(FIELD_COUNT);
  const docTerms = new Map<number, number>();

  for (let doc = 0; doc < docCount; doc++) {
    const fields = fieldsOf(doc);
    docTerms.clear();
    for (let field = 0; field < FIELD_COUNT; field++) {
      const tokens = tokenize(fields[field].toLowerCase());
      fieldLengths[field][doc] = tokens.length;
      fieldTotals[field] += tokens.length;
      const shift = TF_BITS * field;
      for (const token of tokens) {
        let term = processed.get(token);
        if (term === undefined) {
          term = processTerm(token);
          processed.set(token, term);
        }
        if (term === null) continue;
        let id = termIds.get(term);
        if (id === undefined) {
          id = termList.length;
          termIds.set(term, id);
          termList.push(term);
          if ((id + 1) * FIELD_COUNT > docFreqs.length) {
            const bigger = new Uint32Array(docFreqs.length * 2);
            bigger.set(docFreqs);
            docFreqs = bigger;
          }
        }
        const packed = docTerms.get(id) ?? 0;
        if (((packed >>> shift) & TF_MAX) < TF_MAX) docTerms.set(id, packed + (1 << shift));
      }
    }
    for (const [id, packed] of docTerms) {
      postingTerm.push(id);
      postingDoc.push(doc);
      postingTf.push(packed);
      for (let field = 0; field < FIELD_COUNT; field++) if ((packed >>> (TF_BITS * field)) & TF_MAX) docFreqs[id * FIELD_COUNT + field]++;
    }
    if ((doc & 31) === 31) yield { phase: 'reading', done: doc + 1, total: docCount };
  }
  processed.clear();

  const sorted = termList.slice().sort();
  const sortedId = new Uint32Array(termList.length);
  for (let i = 0; i < sorted.length; i++) sortedId[termIds.get(sorted[i]) as number] = i;
  termIds.clear();
  const postingCount = postingTerm.length;
  const offsets = new Uint32Array(sorted.length + 1);
  for (let p = 0; p < postingCount; p++) offsets[sortedId[postingTerm.array[p]] + 1]++;
  for (let t = 0; t < sorted.length; t++) offsets[t + 1] += offsets[t];
  const cursor = offsets.slice(0, sorted.length);
  const docs = new Uint32Array(postingCount);
  const weights = new Float32Array(postingCount);
  const averages = fieldTotals.map((total) => Math.max(total / Math.max(docCount, 1), 1e-9));
  for (let p = 0; p < postingCount; p++) {
    const id = postingTerm.array[p];
    const doc = postingDoc.array[p];
    const packed = postingTf.array[p];
    let weight = 0;
    for (let field = 0; field < FIELD_COUNT; field++) {
      const tf = (packed >>> (TF_BITS * field)) & TF_MAX;
      if (tf === 0) continue;
      const df = docFreqs[id * FIELD_COUNT + field];
      const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
      const norm = 1 - BM25_B + (BM25_B * fieldLengths[field][doc]) / averages[field];
      weight += FIELD_BOOSTS[field] * idf * (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * norm));
    }
    const at = cursor[sortedId[id]]++;
    docs[at] = doc;
    weights[at] = weight;
    if ((p & 0x3fff) === 0x3fff) yield { phase: 'finishing', done: p + 1, total: postingCount };
  }
  return { docCount, terms: sorted, offsets, docs, weights, fingerprint };
}

/** Position of `term` in the sorted `terms`, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
  const at = lowerBound(terms, term);
  return at < terms.length && terms[at] === term ? at : -1;
}

/** The range [from, to) of sorted `terms` that start with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(terms, prefix);
  // Every term with the prefix sorts before the prefix followed by the highest code unit.
  const to = lowerBound(terms, `${prefix}\uffff`, from);
  return [from, to];
}

function lowerBound(terms: readonly string[], value: string, from = 0): number {
  let low = from;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether the ascending `docs[from..to)` contains `doc`. */
export function postingsContain(docs: Uint32Array, from: number, to: number, doc: number): boolean {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (docs[middle] < doc) low = middle + 1;
    else high = middle;
  }
  return low < to && docs[low] === doc;
}

const MAGIC = 0x58495350; // "PSIX"
const FORMAT_VERSION = 1;
const HEADER_WORDS = 8;

/** The index as bytes: a small header, the vocabulary as UTF-8 lines, then the three arrays (little-endian). */
export function serializeTermIndex(data: TermIndexData): Uint8Array {
  const vocabulary = new TextEncoder().encode(data.terms.join('\n'));
  const vocabularyPadded = (vocabulary.length + 3) & ~3;
  const size = HEADER_WORDS * 4 + vocabularyPadded + data.offsets.byteLength + data.docs.byteLength + data.weights.byteLength;
  const bytes = new Uint8Array(size);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  header.set([MAGIC, FORMAT_VERSION, data.docCount, data.terms.length, data.docs.length, data.fingerprint, vocabulary.length, 0]);
  let at = HEADER_WORDS * 4;
  bytes.set(vocabulary, at);
  at += vocabularyPadded;
  for (const array of [data.offsets, data.docs, data.weights]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return bytes;
}

/** Reads bytes written by `serializeTermIndex`; throws on anything else. Shares memory with `bytes` when aligned. */
export function deserializeTermIndex(bytes: Uint8Array): TermIndexData {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('not a Paper Scout index: too short');
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const [magic, version, docCount, termCount, postingCount, fingerprint, vocabularyLength] = header;
  if (magic !== MAGIC) throw new Error('not a Paper Scout index');
  if (version !== FORMAT_VERSION) throw new Error(`Paper Scout index format ${version} is not supported (expected ${FORMAT_VERSION})`);
  let at = HEADER_WORDS * 4;
  const vocabularyPadded = (vocabularyLength + 3) & ~3;
  const expected = at + vocabularyPadded + (termCount + 1) * 4 + postingCount * 8;
  if (bytes.byteLength !== expected) throw new Error(`Paper Scout index is truncated or corrupt (${bytes.byteLength} bytes, expected ${expected})`);
  const text = new TextDecoder().decode(bytes.subarray(at, at + vocabularyLength));
  const terms = termCount === 0 ? [] : text.split('\n');
  if (terms.length !== termCount) throw new Error('Paper Scout index vocabulary is corrupt');
  at += vocabularyPadded;
  const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + at, termCount + 1);
  at += offsets.byteLength;
  const docs = new Uint32Array(bytes.buffer, bytes.byteOffset + at, postingCount);
  at += docs.byteLength;
  const weights = new Float32Array(bytes.buffer, bytes.byteOffset + at, postingCount);
  for (let t = 0; t < termCount; t++) if (offsets[t] > offsets[t + 1]) throw new Error('Paper Scout index offsets are corrupt');
  if (offsets[0] !== 0 || offsets[termCount] !== postingCount) throw new Error('Paper Scout index offsets are corrupt');
  for (let p = 0; p < postingCount; p++) if (docs[p] >= docCount) throw new Error('Paper Scout index postings are corrupt');
  return { docCount, terms, offsets, docs, weights, fingerprint };
}
