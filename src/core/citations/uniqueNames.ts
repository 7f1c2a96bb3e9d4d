/**
 * Handing out unique names (citation keys, paper ids) so that a paper's name depends on the paper and
 * on names issued before, never on the order papers arrive in. Pure and linear in the number of papers
 * (plus one sort): suffixes are counted per base name, never searched from the start again.
 */
import { runToEnd, type Progress } from '../slices';
import { sortInSteps } from '../sortSteps';

/** One paper asking for a name. */
export interface NameRequest {
  /** Who the paper is (its normalised title). Requests are ordered by it, so input order never matters. */
  identity: string;
  /** The name the naming rule gives this paper. */
  natural: string;
  /** Readable names to try in turn when `natural` is taken (for keys: the title's next words). */
  alternatives?: readonly string[];
  /** A name the paper's own file gives it (a corpus JSON paper's key or id), kept when it is free. */
  claimed?: string;
}

/** Names already handed out before this call. */
export interface IssuedNames {
  /**
   * Names in use by papers outside this call (the bundled corpus, old keys kept as aliases), each with
   * the identity of the paper it belongs to: that paper may still take it, no other paper can.
   */
  reserved?: ReadonlyMap<string, string>;
  /** Names issued to these papers by an earlier call, by identity: a paper gets its name back while it is free. */
  previous?: ReadonlyMap<string, string>;
}

/** The names handed out, in input order, and the claims that could not be kept. */
export interface NameAssignment {
  names: string[];
  /** Indexes of requests whose claimed name was already taken (they got another name). */
  refused: number[];
}

/**
 * Unique names for `requests`, in input order. Precedence, each step over the requests sorted by
 * identity: (1) a name issued to the paper before (`previous`); (2) the rule's natural name of every
 * paper that claims none; (3) claimed names; (4) the paper's alternatives; (5) `suffixed(natural, n)`
 * for n = 1, 2, ... (the first free one; counted per natural name, so 40,000 papers sharing one
 * name cost no more than 40,000 distinct ones). A name in `reserved` goes only to its own paper.
 * Two requests with the same identity are two copies of one paper: the first keeps the name.
 */
export function assignUniqueNames(
  requests: readonly NameRequest[],
  issued: IssuedNames,
  suffixed: (natural: string, n: number) => string,
): NameAssignment {
  return runToEnd(assignUniqueNamesSteps(requests, issued, suffixed));
}

/** Requests handled between two steps of `assignUniqueNamesSteps`. */
const STEP = 2000;

/**
 * `assignUniqueNames` in steps of `STEP` requests of a pass each (the sort too, `sortInSteps`), so that
 * 100,000 papers sharing one name never hold the thread for long; progress in requests of all passes.
 */
export function* assignUniqueNamesSteps(
  requests: readonly NameRequest[],
  issued: IssuedNames,
  suffixed: (natural: string, n: number) => string,
): Generator<Progress, NameAssignment> {
  const reserved = issued.reserved ?? new Map<string, string>();
  const used = new Set<string>();
  const names: (string | undefined)[] = new Array<string | undefined>(requests.length).fill(undefined);
  const total = requests.length * 4;
  let done = 0;
  /** Counts one request of a pass; true when a step ends there. */
  const counted = (): boolean => ++done % STEP === 0;
  yield { done, total };
  const sorting = sortInSteps(requests.map((_request, index) => index), (a, b) => compare(requests[a].identity, requests[b].identity) || a - b, STEP);
  let sorted = sorting.next();
  for (; !sorted.done; sorted = sorting.next()) yield { done, total };
  const order = sorted.value;
  const free = (name: string, index: number): boolean => {
    if (used.has(name)) return false;
    const owner = reserved.get(name);
    return owner === undefined || owner === requests[index].identity;
  };
  const give = (index: number, name: string): void => {
    names[index] = name;
    used.add(name);
  };
  const previous = issued.previous;
  if (previous) {
    for (const index of order) {
      const name = previous.get(requests[index].identity);
      if (name !== undefined && free(name, index)) give(index, name);
      if (counted()) yield { done, total };
    }
  } else done += requests.length;
  for (const index of order) {
    if (names[index] === undefined && requests[index].claimed === undefined && free(requests[index].natural, index)) give(index, requests[index].natural);
    if (counted()) yield { done, total };
  }
  const refused: number[] = [];
  for (const index of order) {
    if (counted()) yield { done, total };
    const claimed = requests[index].claimed;
    if (names[index] !== undefined || claimed === undefined) continue;
    if (free(claimed, index)) give(index, claimed);
    else refused.push(index);
  }
  const nextSuffix = new Map<string, number>();
  for (const index of order) {
    if (counted()) yield { done, total };
    if (names[index] !== undefined) continue;
    const request = requests[index];
    const alternative = free(request.natural, index) ? request.natural : request.alternatives?.find((name) => free(name, index));
    if (alternative !== undefined) {
      give(index, alternative);
      continue;
    }
    let n = nextSuffix.get(request.natural) ?? 1;
    let name = suffixed(request.natural, n);
    while (!free(name, index)) name = suffixed(request.natural, ++n);
    give(index, name);
    nextSuffix.set(request.natural, n + 1);
  }
  return { names: names as string[], refused: refused.sort((a, b) => a - b) };
}

/** Code-unit order, the same in every JavaScript engine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
