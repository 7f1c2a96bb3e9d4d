import type { Paper } from '../types';
import type { QueryFilters, QueryProblem } from '../search/queryFilters';

/** Where the worker reads a text from: given inline, a file path (Node worker) or a URL (web worker). */
export type TextSource = { text: string } | { path: string } | { url: string };

/** What a query to the worker may say (the `QueryOptions` a worker can receive: no tuning). */
export interface WorkerQueryOptions {
  limit?: number;
  topic?: string;
  prefix?: boolean;
  wordWeights?: ReadonlyMap<string, number>;
}

/** A saved index as bytes (UTF-8 of `SavedIndex`): what goes between the worker and a cache, transferred, never copied. */
export interface SavedIndexBytes {
  index: Uint8Array;
  vocabulary: Uint8Array;
}

/** A message to the search worker. Every request has an id; answers and progress carry it back. */
export type WorkerRequest =
  /** Reads a corpus file and either loads its saved index or builds one. */
  | { type: 'open'; id: number; corpus: TextSource; index?: { index: TextSource; vocabulary: TextSource } }
  /** Adds papers to build an index over (sent in chunks, so no message is large). */
  | { type: 'add'; id: number; papers: Paper[] }
  /** Asks for the content key of the papers added (what a cached index is filed under). */
  | { type: 'fingerprint'; id: number }
  /** Loads a saved index for the papers added (answers `ready`, or an error and keeps the papers for a build). */
  | { type: 'load'; id: number; saved: SavedIndexBytes }
  /** Builds the index over the papers added, in slices, reporting progress. */
  | { type: 'build'; id: number }
  /** Asks for the index as bytes, to keep in a cache. */
  | { type: 'save'; id: number }
  /** Stops the build running, which then answers with an error. */
  | { type: 'cancel'; id: number }
  | { type: 'search'; id: number; query: string; options?: WorkerQueryOptions }
  | { type: 'related'; id: number; paperId: string; limit?: number }
  | { type: 'complete'; id: number; text: string; limit?: number }
  /** Takes the papers with these ids out of the index and puts these papers in (`PaperIndex.update`). */
  | { type: 'update'; id: number; removed: string[]; added: Paper[] }
  /** Asks for the worker's heap (after a garbage collection when the runtime allows one). */
  | { type: 'stats'; id: number };

/** One result as the worker sends it: the paper by id (the caller holds the papers). */
export interface WorkerHit {
  id: string;
  score: number;
  terms: string[];
  snippet: string;
}

/** A message from the search worker. */
export type WorkerResponse =
  /** `quick`: a first index without the abstracts; the whole one follows in the worker (see `QUICK_FIRST_PAPERS`). */
  | { type: 'ready'; id: number; papers: number; terms: number; ms: number; mode: 'loaded' | 'built'; quick?: boolean }
  | { type: 'progress'; id: number; phase: 'reading' | 'finishing'; done: number; total: number }
  | { type: 'added'; id: number; papers: number }
  | { type: 'updated'; id: number; papers: number; ms: number }
  | { type: 'fingerprint'; id: number; key: string }
  | { type: 'saved'; id: number; saved: SavedIndexBytes }
  | { type: 'results'; id: number; hits: WorkerHit[]; filters?: QueryFilters; problems: QueryProblem[]; ms: number }
  | { type: 'stats'; id: number; heapMB: number | null; papers: number }
  | { type: 'error'; id: number; message: string; cancelled?: boolean };

/** The buffers of `saved`, for a transfer list (only buffers the views span whole, so nothing else is detached). */
export function transferable(saved: SavedIndexBytes): ArrayBuffer[] {
  return [saved.index, saved.vocabulary]
    .filter((bytes) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
    .map((bytes) => bytes.buffer as ArrayBuffer);
}
