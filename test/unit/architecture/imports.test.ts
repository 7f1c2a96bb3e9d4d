// The shape of src/ as the next engineer should find it: no folder imports a folder that imports it
// back (directly or round a longer loop), and the pure core never imports `vscode`. Reads the import
// statements of every src/**/*.ts file, type-only imports included: a type dependency is a dependency.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { typeScriptFiles } from '../sourceFiles';

const SRC = resolve('src');

/** One import: the importing file, the module it names, and the folder (relative to src) it lands in. */
interface ImportEdge {
  file: string;
  specifier: string;
  fromFolder: string;
  toFolder: string | null;
}

/** Every module specifier in `text`: `import ... from`, `export ... from`, `import '...'`, `import(...)`, `require(...)`. */
export function importSpecifiers(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...withoutComments.matchAll(pattern)].map((match) => match[1]);
}

/** The file a relative import resolves to: `x.ts`, or `x/index.ts` for a folder. */
function moduleFile(target: string): string {
  try {
    if (statSync(target).isDirectory()) return join(target, 'index.ts');
  } catch { /* not a folder: a module file */ }
  return `${target}.ts`;
}

/** The folder of src a file is in ('.' for src itself): `core/search`, `citations`, ... */
function folderOf(path: string): string {
  return relative(SRC, dirname(path)).replaceAll('\\', '/') || '.';
}

function edges(): ImportEdge[] {
  return typeScriptFiles(SRC).flatMap((file) => importSpecifiers(readFileSync(file, 'utf8')).map((specifier) => {
    const target = specifier.startsWith('.') ? resolve(dirname(file), specifier) : null;
    const inside = target !== null && !relative(SRC, target).startsWith('..');
    return { file: relative(SRC, file), specifier, fromFolder: folderOf(file), toFolder: inside ? folderOf(moduleFile(target)) : null };
  }));
}

/** The groups of folders that import each other round a loop (Tarjan's strongly connected components). */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Which node of a graph a folder belongs to (`topFolder`, or `coreFolder` for the core's own graph). */
type NodeOf = (folder: string) => string | null;

/** The graph of folders as `nodeOf` groups them: who imports whom. Edges to or from a null node are left out. */
function folderGraph(all: ImportEdge[], nodeOf: NodeOf = topFolder): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const edge of all) {
    if (edge.toFolder === null) continue;
    const from = nodeOf(edge.fromFolder);
    const to = nodeOf(edge.toFolder);
    if (from === null || to === null) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    if (from !== to) graph.get(from)!.add(to);
  }
  return graph;
}

/** The top-level folder of src ('.' for the files directly in it). */
function topFolder(folder: string): string {
  return folder.split('/')[0];
}

/** The sub-folder of src/core (`core` for the shared files directly in it); null outside the core. */
function coreFolder(folder: string): string | null {
  const [top, sub] = folder.split('/');
  return top === 'core' ? (sub === undefined ? 'core' : `core/${sub}`) : null;
}

/** For a message: the imports that make up a cycle. */
function evidence(all: ImportEdge[], cycle: string[], nodeOf: NodeOf = topFolder): string {
  return all.filter((edge) => {
    if (edge.toFolder === null) return false;
    const from = nodeOf(edge.fromFolder);
    const to = nodeOf(edge.toFolder);
    return from !== null && to !== null && from !== to && cycle.includes(from) && cycle.includes(to);
  }).map((edge) => `  ${edge.file} -> ${edge.specifier}`).join('\n');
}

describe('architecture: imports between the folders of src', () => {
  const all = edges();

  it('reads the imports of every file (the parser finds what it should)', () => {
    assert.deepEqual(importSpecifiers("import type { A } from './a';\nexport { b } from \"../b\";\nimport './c';\n// import x from './no';\nconst d = require('d');"),
      ['./a', '../b', './c', 'd']);
    assert.ok(all.length > 100, `only ${all.length} imports found`);
    assert.ok(all.some((edge) => edge.fromFolder === '.' && edge.specifier === 'vscode'), 'the extension entry imports vscode');
  });

  it('has no import cycle between the folders of src', () => {
    const cycles = folderCycles(folderGraph(all));
    assert.deepEqual(cycles, [], cycles.map((cycle) => `${cycle.join(' <-> ')}:\n${evidence(all, cycle)}`).join('\n'));
  });

  it('has no import cycle between the sub-folders of src/core (nor with the shared files directly in it)', () => {
    const cycles = folderCycles(folderGraph(all, coreFolder));
    assert.deepEqual(cycles, [], cycles.map((cycle) => `${cycle.join(' <-> ')}:\n${evidence(all, cycle, coreFolder)}`).join('\n'));
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const looped: ImportEdge[] = [
      { file: 'a/x.ts', specifier: '../b/y', fromFolder: 'a', toFolder: 'b' },
      { file: 'b/y.ts', specifier: '../c/z', fromFolder: 'b', toFolder: 'c' },
      { file: 'c/z.ts', specifier: '../a/x', fromFolder: 'c', toFolder: 'a' },
    ];
    assert.deepEqual(folderCycles(folderGraph(looped)), [['a', 'b', 'c']]);
    const inCore: ImportEdge[] = [
      { file: 'core/x.ts', specifier: './corpus/y', fromFolder: 'core', toFolder: 'core/corpus' },
      { file: 'core/corpus/y.ts', specifier: '../topics/z', fromFolder: 'core/corpus', toFolder: 'core/topics' },
      { file: 'core/topics/z.ts', specifier: '../x', fromFolder: 'core/topics', toFolder: 'core' },
      { file: 'store/w.ts', specifier: '../core/x', fromFolder: 'store', toFolder: 'core' },
    ];
    assert.deepEqual(folderCycles(folderGraph(inCore)), [], 'one folder at the top level');
    assert.deepEqual(folderCycles(folderGraph(inCore, coreFolder)), [['core', 'core/corpus', 'core/topics']]);
  });

  it('keeps vscode out of the pure core', () => {
    const offending = all.filter((edge) => (edge.fromFolder === 'core' || edge.fromFolder.startsWith('core/')) && edge.specifier === 'vscode');
    assert.deepEqual(offending.map((edge) => edge.file), []);
  });

  it('keeps the core from importing the glue', () => {
    const outward = all.filter((edge) => edge.fromFolder.startsWith('core') && edge.toFolder !== null && !edge.toFolder.startsWith('core'));
    assert.deepEqual(outward.map((edge) => `${edge.file} -> ${edge.specifier}`), []);
  });
});
