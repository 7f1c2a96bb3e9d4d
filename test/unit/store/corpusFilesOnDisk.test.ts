import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeCorpusFiles as disk } from '../../../evaluation/nodeCorpusFiles';
import { MAX_PAGE_FILE_BYTES, readCorpusEntries } from '../../../src/core/store/corpusFileReader';
import { quietProgress } from '../../../src/core/store/progress';
import { pageWith } from './fakes';

// Issue 13, item 10, on a real disk: a FIFO, a socket and a device among the corpus files are skipped
// with a message (reading a FIFO would wait forever, so a regression hangs this test until mocha's
// timeout), a symbolic link loop is named as one, a broken link as broken, Latin-1 text is read with
// a warning at its line, and a page dump too large to parse quickly is refused by name.

describe('corpus files on a real disk: special files, links and encodings', function () {
  this.timeout(20000);
  let dir: string;
  let socket: Server;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paper-scout-special-'));
    const folder = join(dir, 'papers');
    execFileSync('mkdir', [folder]);
    writeFileSync(join(folder, 'good.txt'), pageWith('A Good Paper'));
    execFileSync('mkfifo', [join(folder, 'pipe.txt'), join(dir, 'lone-pipe.json')]);
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(join(folder, 'socket.json'), resolve));
    symlinkSync(join(folder, 'good.txt'), join(folder, 'link-to-good.txt'));
    symlinkSync(join(dir, 'nowhere.txt'), join(folder, 'broken.txt'));
    symlinkSync(join(dir, 'loop.txt'), join(dir, 'loop.txt'));
    // The title (line 7) saved as Latin-1: é is the single byte E9, which is not UTF-8.
    const [before, after] = pageWith('Caf\u00e9 Paper').split('\u00e9');
    writeFileSync(join(folder, 'latin1.txt'), Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]));
    writeFileSync(join(folder, 'binary.json'), Buffer.from([0x7b, 0x00, 0x7d]));
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), MAX_PAGE_FILE_BYTES + 1);
  });

  after(() => {
    socket.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the regular files and names every file it skips, without ever waiting on a FIFO', async () => {
    const entries = ['papers', 'lone-pipe.json', 'loop.txt', '/dev/null', 'huge.txt', 'missing.txt'].map((entry) => ({ entry, location: entry.startsWith('/') ? entry : join(dir, entry) }));
    const read = await readCorpusEntries(entries, disk, 'paperScout.corpus.sources', quietProgress());
    const name = (path: string): string => path.replace(`${dir}/`, '');
    assert.deepEqual(read.texts.files.map((file) => name(file.file)), ['papers/good.txt', 'papers/latin1.txt', 'papers/link-to-good.txt']);
    const problems = read.texts.diagnostics.map((d) => `${name(d.file)}${d.line ? `:${d.line}` : ''}: ${d.message}`);
    const expect = (pattern: RegExp): void => assert.ok(problems.some((line) => pattern.test(line)), `${pattern}\n${problems.join('\n')}`);
    expect(/^papers\/pipe\.txt: is not a regular file \(a FIFO, socket or device\?\)/);
    expect(/^papers\/socket\.json: is not a regular file/);
    expect(/^papers\/broken\.txt: is a broken symbolic link \(skipped\)$/);
    expect(/^lone-pipe\.json: is not a regular file.*\(from paperScout\.corpus\.sources\[1\]\)$/);
    expect(/^loop\.txt: is a symbolic link loop \(the link leads back to itself\), not a file \(from paperScout\.corpus\.sources\[2\]\)$/);
    expect(/^\/dev\/null: is not a regular file.*\(from paperScout\.corpus\.sources\[3\]\)$/);
    expect(/^huge\.txt: the file is 8 MB; Paper Scout reads page dumps up to 8 MB; split it into smaller pages, or convert it to corpus JSON$/);
    expect(/^missing\.txt: file not found \(from paperScout\.corpus\.sources\[5\]\)$/);
    expect(/^papers\/latin1\.txt:7: the text is not valid UTF-8/);
    expect(/^papers\/binary\.json: the file is binary \(it contains NUL bytes\)/);
    assert.ok(!problems.some((line) => /loop\.txt: file not found/.test(line)), 'a loop is not "file not found"');
  });
});
