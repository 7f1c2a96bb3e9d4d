/**
 * Unique names (paper ids, citation keys) handed out one at a time: a base name, or on a clash the base
 * with the first free suffix. Names already taken are never handed out. Linear in all: the next suffix
 * to try is remembered per base, because every suffix below it is taken already (40,000 papers of one
 * base would otherwise rescan 40,000 suffixes each).
 */
export class UniqueNames {
  private readonly used: Set<string>;
  private readonly nextSuffix = new Map<string, number>();

  /** `suffixed(base, 0)` is the first name tried after `base` itself, then `suffixed(base, 1)`... */
  constructor(taken: Iterable<string>, private readonly suffixed: (base: string, index: number) => string) {
    this.used = new Set(taken);
  }

  /** Whether `name` is handed out or taken. */
  has(name: string): boolean {
    return this.used.has(name);
  }

  /** Marks `name` as taken (a paper that keeps its own id or key). */
  reserve(name: string): void {
    this.used.add(name);
  }

  /** `base` when it is free, else the first free suffixed name; it is taken from then on. */
  claim(base: string): string {
    let name = base;
    if (this.used.has(name)) {
      let index = this.nextSuffix.get(base) ?? 0;
      while (this.used.has(this.suffixed(base, index))) index++;
      name = this.suffixed(base, index);
      this.nextSuffix.set(base, index + 1);
    }
    this.used.add(name);
    return name;
  }
}
