import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');
const WORKSPACE = resolve('test/unit/cli/fixtures/workspace');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Row {
  key: string;
  file: string;
  line: number;
  column: number;
  known: boolean;
}

describe('command line: refs and suggest (dist/cli.js, end to end)', () => {
  it('refs --json lists every citation of a LaTeX thesis, Markdown notes and code, with exact places', () => {
    const { code, stdout } = run('refs', WORKSPACE, '--json');
    assert.equal(code, 0);
    const { citations } = JSON.parse(stdout) as { citations: Row[] };
    assert.deepEqual(Object.keys(citations[0]), ['key', 'file', 'line', 'column', 'known']);
    const places = citations.map((row) => `${row.file}:${row.line}:${row.column} ${row.key}${row.known ? '' : ' ?'}`);
    assert.deepEqual(places, [
      'code/src/decode.ts:2:75 specdec_nd',
      'code/src/decode.ts:5:22 specdec',
      'code/src/train.py:7:19 galore_nd',
      'notes/drafts/old.md:1:20 draft_only_key ?',
      'notes/reading.md:3:10 galore_nd',
      'notes/reading.md:3:79 lora_nd',
      'notes/reading.md:4:63 specdec_nd',
      'thesis/chapters/related.tex:2:25 awq2023',
      'thesis/chapters/related.tex:2:56 slicegpt_nd',
      'thesis/chapters/related.tex:3:23 vptq2024',
      'thesis/chapters/related.tex:3:52 awq2032 ?',
      'thesis/main.tex:6:69 lora_nd',
      'thesis/main.tex:7:40 galore_nd',
      'thesis/main.tex:7:51 awq2023',
      'thesis/main.tex:8:30 mythesis2020',
    ]);
  });

  it('refs skips node_modules, binary files and excluded globs, and says which files it skipped', () => {
    const { stdout, stderr } = run('refs', WORKSPACE, '--exclude', 'notes/drafts/**');
    assert.doesNotMatch(stdout, /inside_node_modules|draft_only_key|\bbin\b/);
    assert.match(stderr, /thesis\/figure\.tex: skipped \(binary\)/);
    assert.match(stdout, /14 citations of 9 keys in 6 files; 1 unknown: awq2032/);
  });

  it('refs --strict exits 1 when a key is unknown, 0 when every key is known or defined in a .bib', () => {
    const strict = run('refs', WORKSPACE, '--strict', '--json');
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /2 unknown citation key\(s\): draft_only_key, awq2032/);
    assert.equal(run('refs', join(WORKSPACE, 'thesis/chapters'), '--strict').code, 1);
    const clean = run('refs', join(WORKSPACE, 'notes'), '--strict', '--exclude', 'drafts');
    assert.equal(clean.code, 0, clean.stderr);
  });

  it('refs respects the size limit, refuses special files and does not follow symbolic links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-scout-refs-'));
    mkdirSync(join(dir, 'inside'));
    writeFileSync(join(dir, 'outside.md'), '[@outside_key]');
    writeFileSync(join(dir, 'inside/small.md'), '[@small_key]');
    writeFileSync(join(dir, 'inside/big.md'), `[@big_key] ${'x'.repeat(5000)}`);
    symlinkSync(join(dir, 'outside.md'), join(dir, 'inside/link.md'));
    symlinkSync(dir, join(dir, 'inside/loop'));
    execFileSync('mkfifo', [join(dir, 'inside/pipe.md')]);
    const { code, stdout, stderr } = run('refs', join(dir, 'inside'), '--max-size', '1000', '--json');
    assert.equal(code, 0, stderr);
    assert.deepEqual((JSON.parse(stdout) as { citations: Row[] }).citations.map((row) => row.key), ['small_key']);
    assert.match(stderr, /big\.md: skipped \(too large: \d+ bytes, over the limit of 1000\)/);
  });

  it('refs fails clearly for a missing folder, a file, and misuse', () => {
    assert.equal(run('refs', join(WORKSPACE, 'nope')).code, 1);
    const file = run('refs', join(WORKSPACE, 'notes/reading.md'));
    assert.equal(file.code, 1);
    assert.match(file.stderr, /not a folder/);
    assert.equal(run('refs').code, 2);
    assert.equal(run('refs', WORKSPACE, '--max-size', 'big').code, 2);
    assert.equal(run('refs', WORKSPACE, '--bogus').code, 2);
  });

  it('suggest --json prints the shape of search --json, best first, for the comment at the end of a file', () => {
    const { code, stdout } = run('suggest', join(WORKSPACE, 'code/src/train.py'), '--json', '--limit', '5');
    assert.equal(code, 0);
    const rows = JSON.parse(stdout) as Array<{ id: string; title: string; score: number }>;
    assert.equal(rows.length, 5);
    assert.deepEqual(Object.keys(rows[0]), ['id', 'title', 'score', 'published', 'topics']);
    assert.ok(rows.slice(0, 3).some((row) => row.title.startsWith('GaLore:')), rows.map((row) => row.title).join('\n'));
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].score >= rows[i].score);
  });

  it('suggest reads the paragraph at --line and --column, and says which words matched', () => {
    const json = run('suggest', join(WORKSPACE, 'notes/reading.md'), '--line', '4', '--column', '40', '--json', '--limit', '3');
    const titles = (JSON.parse(json.stdout) as Array<{ title: string }>).map((row) => row.title);
    assert.ok(titles.some((title) => title.startsWith('SpecDec++')), titles.join('\n'));
    const text = run('suggest', join(WORKSPACE, 'notes/reading.md'), '--line', '3', '--limit', '2');
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^Passage: .*reading\.md:3-4 \(paragraph\); words: /);
    assert.match(text.stdout, /matched: .*memory/i);
  });

  it('suggest fails clearly for a missing file, a folder, a binary file and misuse', () => {
    const missing = run('suggest', join(WORKSPACE, 'nope.md'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.md: no such file/);
    assert.match(run('suggest', WORKSPACE).stderr, /not a regular file/);
    assert.match(run('suggest', join(WORKSPACE, 'thesis/figure.tex')).stderr, /binary file/);
    assert.equal(run('suggest').code, 2);
    assert.equal(run('suggest', join(WORKSPACE, 'notes/reading.md'), '--column', '3').code, 2);
    assert.equal(run('suggest', join(WORKSPACE, 'notes/reading.md'), '--limit', '0').code, 2);
    assert.match(run('suggest', '--help').stdout, /--line N/);
  });
});
