// The citation keys given to the papers of the user's corpus files are kept in a file in the extension's
// global storage, so a key a document cites stays with its paper when files are removed, added back or
// reordered, and when the papers are read again.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { api, hooks, setSetting, waitFor, workspaceRoot } from '../helpers';

const FOLDER = 'paper-scout-issued-keys';
const ALPHA = 'Zeta: Alpha Route to Sparse Adapters';
const BETA = 'Zeta: Beta Route to Sparse Adapters';
const ABSTRACT = 'We propose a careful study of sparse adapters for very small language models. '.repeat(6);

function page(title: string): string {
  return ['new', '', 'Subscribe', '', 'Mar 14', '', title, '', ABSTRACT, '', '  • 4 authors', '·', 'Feb 2, 2024 3', ''].join('\n');
}

describe('state: the keys of the user\'s papers', function () {
  this.timeout(60_000);

  before(async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), FOLDER);
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'alpha.txt'), new TextEncoder().encode(page(ALPHA)));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'beta.txt'), new TextEncoder().encode(page(BETA)));
  });

  after(async () => {
    await setSetting('corpus.sources', undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), FOLDER), { recursive: true, useTrash: false });
  });

  /** The key of the paper titled `title`, once the sources are exactly `files` of the folder. */
  async function keysWith(files: string[]): Promise<{ alpha?: string; beta?: string }> {
    const scout = await api();
    await setSetting('corpus.sources', files.map((file) => `${FOLDER}/${file}`));
    const titles = files.map((file) => (file === 'alpha.txt' ? ALPHA : BETA));
    await waitFor(() => {
      const loaded = new Set(scout.papers().map((paper) => paper.title));
      return titles.every((title) => loaded.has(title)) && [ALPHA, BETA].filter((title) => loaded.has(title)).length === titles.length;
    }, `the papers of ${files.join(', ')} to load`);
    const key = (title: string): string | undefined => scout.papers().find((paper) => paper.title === title)?.key;
    return { alpha: key(ALPHA), beta: key(BETA) };
  }

  /** The keys file as the extension wrote it; undefined when there is none or it is not JSON. */
  async function keysFile(): Promise<Record<string, string> | undefined> {
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile((await hooks()).issuedKeysFile)).catch(() => undefined);
    if (!bytes) return undefined;
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
    } catch {
      return undefined;
    }
  }

  async function writeKeysFile(text: string): Promise<void> {
    await vscode.workspace.fs.writeFile((await hooks()).issuedKeysFile, new TextEncoder().encode(text));
  }

  /** The file once it holds every one of `keys`. */
  function fileHolding(...keys: string[]): Promise<Record<string, string>> {
    return waitFor(async () => {
      const held = await keysFile();
      return held && keys.every((key) => Object.values(held).includes(key)) ? held : undefined;
    }, `the keys file to hold ${keys.join(', ')}`);
  }

  /** The identity (normalised title) the file keeps `key` under. */
  function identityOf(held: Record<string, string>, key: string): string {
    const identity = Object.keys(held).find((candidate) => held[candidate] === key);
    assert.ok(identity, `no identity holds ${key} in ${JSON.stringify(held)}`);
    return identity;
  }

  it('keeps a key when another file goes, and gives a file\'s keys back when it returns', async () => {
    await Promise.resolve(vscode.workspace.fs.delete((await hooks()).issuedKeysFile)).catch(() => undefined);
    const both = await keysWith(['alpha.txt', 'beta.txt']);
    assert.ok(both.alpha && both.beta && both.alpha !== both.beta, JSON.stringify(both));
    await fileHolding(both.alpha, both.beta);

    const betaAlone = await keysWith(['beta.txt']);
    assert.strictEqual(betaAlone.beta, both.beta, 'removing alpha.txt moved the key of the paper in beta.txt');
    const reordered = await keysWith(['beta.txt', 'alpha.txt']);
    assert.deepStrictEqual(reordered, both);
  });

  it('reads the keys from the file when the papers are read again', async () => {
    const both = await keysWith(['alpha.txt', 'beta.txt']);
    const held = await fileHolding(both.alpha!, both.beta!);
    const planted = 'zeta_kept_in_the_file2024';
    await writeKeysFile(JSON.stringify({ ...held, [identityOf(held, both.alpha!)]: planted }));
    await (await api()).reload();
    assert.deepStrictEqual(await keysWith(['alpha.txt', 'beta.txt']), { alpha: planted, beta: both.beta });
  });

  it('moves the keys an earlier version kept in globalState into the file', async () => {
    const testHooks = await hooks();
    const before = await keysWith(['alpha.txt', 'beta.txt']);
    const held = await fileHolding(before.alpha!, before.beta!);
    const planted = 'zeta_kept_in_global_state2024';
    await vscode.workspace.fs.delete(testHooks.issuedKeysFile);
    await testHooks.storedState.set('issuedCitationKeys', { [identityOf(held, before.alpha!)]: planted, [identityOf(held, before.beta!)]: before.beta });
    await (await api()).reload();
    assert.deepStrictEqual(await keysWith(['alpha.txt', 'beta.txt']), { alpha: planted, beta: before.beta });
    await fileHolding(planted, before.beta!);
    await waitFor(() => testHooks.storedState.get('issuedCitationKeys') === undefined, 'globalState to let go of the keys');
  });

  it('starts afresh from a corrupt file, still loads the papers, and writes the file anew', async () => {
    await writeKeysFile('{"not": "finished"');
    await (await api()).reload();
    const keys = await keysWith(['alpha.txt', 'beta.txt']);
    assert.ok(keys.alpha && keys.beta && keys.alpha !== keys.beta, JSON.stringify(keys));
    await fileHolding(keys.alpha, keys.beta);
  });
});
