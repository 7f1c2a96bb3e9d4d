import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const run = runCli;

describe('command line (dist/cli.js, end to end)', () => {
  it('search --json prints {id, title, score, published, topics}, best first', () => {
    const { code, stdout } = run('search', 'GaLore', '--limit', '3', '--json');
    assert.equal(code, 0);
    const rows = JSON.parse(stdout);
    assert.equal(rows.length, 3);
    assert.deepEqual(Object.keys(rows[0]), ['id', 'title', 'score', 'published', 'topics']);
    assert.match(rows[0].title, /^GaLore:/);
    assert.ok(rows[0].score >= rows[1].score && rows[1].score >= rows[2].score);
  });

  it('show prints a paper by id and by key, and fails clearly for an unknown one', () => {
    const [first] = JSON.parse(run('search', 'speculative decoding', '--json').stdout);
    const shown = JSON.parse(run('show', first.id, '--json').stdout);
    assert.equal(shown.id, first.id);
    assert.equal(JSON.parse(run('show', shown.key, '--json').stdout).id, first.id);
    assert.match(run('show', first.id).stdout, /abstract|published:/i);
    const missing = run('show', 'no-such-paper');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no paper with id or key "no-such-paper"/);
  });

  it('topics --json lists each topic with its paper ids', () => {
    const topics = JSON.parse(run('topics', '--json').stdout);
    assert.equal(topics[0].name, 'Quantization');
    assert.ok(topics.every((topic: { papers: string[] }) => Array.isArray(topic.papers)));
    const ids = new Set(topics.flatMap((topic: { papers: string[] }) => topic.papers));
    assert.equal(ids.size, 224);
  });

  it('cite prints BibTeX by default and other formats on request', () => {
    const [first] = JSON.parse(run('search', 'AWQ', '--json').stdout);
    assert.match(run('cite', first.id).stdout, /^@misc\{awq/);
    assert.match(run('cite', first.id, '--format', 'markdown').stdout, /^\[AWQ/);
    assert.match(run('cite', first.id, '--format', 'plain').stdout, /AWQ: Activation-aware/);
    const bad = run('cite', first.id, '--format', 'nope');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of/);
  });

  it('parse reads a user page dump, reports problems by file and line, and exits 1 when nothing is readable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-scout-cli-'));
    const page = join(dir, 'mine.txt');
    writeFileSync(page, `My Paper Title\n\n${'An abstract sentence. '.repeat(30)}\n\n  • 2 authors\n·\nMar 3, 2024 5\n\nOrphan Title\n`);
    const ok = run('parse', page, '--json');
    assert.equal(ok.code, 0);
    const parsed = JSON.parse(ok.stdout);
    assert.deepEqual(parsed.papers.map((p: { title: string; published: string }) => [p.title, p.published]), [['My Paper Title', '2024-03-03']]);
    assert.match(ok.stderr, /mine\.txt:9: title "Orphan Title" has no abstract/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const none = run('parse', empty);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /empty\.txt: the file is empty/);
    const missing = run('parse', join(dir, 'missing.txt'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /missing\.txt: no such file/);
  });

  it('documents every command in --help and rejects misuse with exit code 2', () => {
    const help = run('--help').stdout;
    for (const command of ['search', 'show', 'topics', 'cite', 'parse']) assert.match(help, new RegExp(`paper-scout ${command} `));
    assert.match(run('search', '--help').stdout, /--limit N/);
    assert.equal(run('frobnicate').code, 2);
    assert.equal(run('search').code, 2);
    assert.equal(run('search', 'x', '--limit', 'zero').code, 2);
  });
});
