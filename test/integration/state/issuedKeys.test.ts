// The citation keys given to the papers of the user's corpus files are kept in globalState, so a key
// a document cites stays with its paper when files are removed, added back or reordered.
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

  it('keeps a key when another file goes, and gives a file\'s keys back when it returns', async () => {
    const both = await keysWith(['alpha.txt', 'beta.txt']);
    assert.ok(both.alpha && both.beta && both.alpha !== both.beta, JSON.stringify(both));
    const stored = (await hooks()).storedState.get('issuedCitationKeys') as Record<string, string>;
    assert.ok(Object.values(stored).includes(both.alpha) && Object.values(stored).includes(both.beta), `globalState holds ${JSON.stringify(stored)}`);

    const betaAlone = await keysWith(['beta.txt']);
    assert.strictEqual(betaAlone.beta, both.beta, 'removing alpha.txt moved the key of the paper in beta.txt');
    const reordered = await keysWith(['beta.txt', 'alpha.txt']);
    assert.deepStrictEqual(reordered, both);
  });

  it('resets a corrupt stored value and still loads the papers', async () => {
    const testHooks = await hooks();
    await testHooks.storedState.set('issuedCitationKeys', ['not', 'a', 'record']);
    await (await api()).reload();
    const keys = await keysWith(['alpha.txt', 'beta.txt']);
    assert.ok(keys.alpha && keys.beta, JSON.stringify(keys));
    await waitFor(() => {
      const stored = testHooks.storedState.get('issuedCitationKeys');
      return typeof stored === 'object' && stored !== null && !Array.isArray(stored);
    }, 'the corrupt value to be replaced by a record');
  });
});
