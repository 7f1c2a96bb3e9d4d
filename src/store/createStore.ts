/**
 * The store as the extension runs it: the pure `PaperStore` of `src/core/store` with VS Code plugged
 * in (the file system, the settings, the search worker and its index cache, a progress notification
 * for long loads and index builds), reloading when
 * the settings or the user's corpus files change, with the `paperScout.state` context key (which the
 * Topics view's welcome content reads) following its state.
 */
import * as vscode from 'vscode';
import { CorpusLoader } from '../core/store/corpusLoader';
import type { SavedIndex } from '../core/search/paperIndex';
import { paperIndexLoader } from '../core/store/paperIndexLoader';
import { PaperStore, type StoreState } from '../core/store/paperStore';
import type { IndexLoader, SearchEngine } from '../core/store/indexService';
import type { WithProgress } from '../core/store/progress';
import { affects, corpusFileEntries, includeBundled, SETTINGS, userTopicsValue } from '../settings/settings';
import { IssuedKeys, type KeyStorage } from '../storage/issuedKeys';
import { CorpusFiles } from './corpusFiles';
import { IndexCacheFolder } from '../searchWorker/indexCacheFolder';
import { searchWorkerStarter } from '../searchWorker/startSearchWorker';

export type { StoreState } from '../core/store/paperStore';
export { PaperStore } from '../core/store/paperStore';

/** The context key that holds the store's state (`loading`, `ready` or `error`). */
export const STATE_CONTEXT_KEY = 'paperScout.state';

/**
 * Builds the store over the extension's bundled files; what it registers goes to `disposables`. The
 * keys given to the user's papers are kept in a file in `storage`'s global storage folder, so they never move. Indexes the search
 * worker builds are kept under `indexCache` (none kept without it). `onFirstUse` starts the first load
 * when something first asks for the papers (see `PaperStoreParts.onFirstUse`).
 */
export function createPaperStore(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, disposables: vscode.Disposable[], storage: KeyStorage, indexCache?: vscode.Uri, onFirstUse?: () => void): PaperStore {
  const dist = (name: string): vscode.Uri => vscode.Uri.joinPath(extensionUri, 'dist', name);
  const readPrebuilt = async (): Promise<SavedIndex> => {
    const [index, vocabulary] = await Promise.all([readBytes(dist('index.json')), readBytes(dist('vocabulary.json'))]);
    return { index: new TextDecoder().decode(index), vocabulary: new TextDecoder().decode(vocabulary) };
  };
  // What only loading needs (the issued keys' file, the index loader with its worker and cache) is made by
  // the first load: activation, and a window that never needs a paper, make none of it.
  let issuedKeys: IssuedKeys | undefined;
  const keys = (): IssuedKeys => (issuedKeys ??= new IssuedKeys(storage, log));
  let indexLoader: IndexLoader<SearchEngine> | undefined;
  const loadIndex: IndexLoader<SearchEngine> = (request) => (indexLoader ??= paperIndexLoader({
    readPrebuilt,
    prebuiltName: dist('index.json').toString(true),
    withProgress: progressNotification,
    log,
    startWorker: searchWorkerStarter(extensionUri),
    cache: indexCache ? new IndexCacheFolder(indexCache) : undefined,
  }))(request);
  const files = new CorpusFiles(SETTINGS.corpusFiles.key);
  const store = new PaperStore({
    loader: new CorpusLoader({ name: 'dist/corpus.json', read: () => readBytes(dist('corpus.json')) }, files, log,
      { previous: () => keys().previous(), save: (saved) => keys().save(saved) }),
    settings: { includeBundled, corpusFileEntries, userTopics: userTopicsValue, topicsKey: SETTINGS.topics.key, corpusFilesKey: SETTINGS.corpusFiles.key },
    loadIndex,
    log,
    withProgress: progressNotification,
    onFirstUse,
  });
  disposables.push(
    store,
    store.index,
    files,
    followState(store),
    files.onDidChange((changed) => void store.filesChanged(changed)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, SETTINGS.topics)) void store.applyTopics();
      if (affects(event, SETTINGS.corpusFiles, SETTINGS.includeBundled)) void store.load();
    }),
  );
  return store;
}

/** Keeps the context key equal to the store's state. */
function followState(store: PaperStore): vscode.Disposable {
  let shown: StoreState['kind'] | undefined;
  const update = (): void => {
    if (store.state.kind === shown) return;
    shown = store.state.kind;
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, shown);
  };
  update();
  return store.onDidChange(update);
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

/** A cancellable progress notification, reporting in percent. */
const progressNotification: WithProgress = (title, task) => Promise.resolve(vscode.window.withProgress(
  { location: vscode.ProgressLocation.Notification, title, cancellable: true },
  (progress, token) => {
    let reported = 0;
    return task((percent) => {
      progress.report({ increment: percent - reported, message: `${percent}%` });
      reported = percent;
    }, () => token.isCancellationRequested);
  },
));
