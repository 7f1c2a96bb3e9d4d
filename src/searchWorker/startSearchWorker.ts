/**
 * Starts the search worker of each extension host. In the Node host the worker is a `worker_threads`
 * worker running dist/searchWorker.js (nodeWorkerMain.ts, through nodeWorkerPort.ts); in the web worker
 * host it is a Web Worker running dist/web/searchWorker.js (webWorkerMain.ts, through webWorkerPort.ts),
 * created from the extension's URI as web extensions do.
 */
import * as vscode from 'vscode';
import type { WorkerPort } from '../core/searchWorker/workerClient';

/** Which bundle this is: set by the build (esbuild `define`), so the web bundle holds no Node code. */
declare const PAPER_SCOUT_HOST: 'node' | 'web';

/** Starts this host's search worker; throws where it cannot start. */
export function searchWorkerStarter(extensionUri: vscode.Uri): () => WorkerPort {
  if (PAPER_SCOUT_HOST === 'node') {
    // Each host's port is required in its own branch, so each bundle holds its own only (the web bundle never
    // reaches node:worker_threads) and each host's type check reads its own (tsconfig.json, tsconfig.web.json).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    const { startNodeSearchWorker } = require('./nodeWorkerPort') as { startNodeSearchWorker: (file: string) => WorkerPort };
    const file = vscode.Uri.joinPath(extensionUri, 'dist', 'searchWorker.js');
    return () => {
      if (file.scheme !== 'file') throw new Error(`the extension is not on this machine's disk (${file.scheme}:)`);
      return startNodeSearchWorker(file.fsPath);
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { startWebSearchWorker } = require('./webWorkerPort') as { startWebSearchWorker: (url: string) => WorkerPort };
  const url = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'searchWorker.js').toString(true);
  return () => startWebSearchWorker(url);
}
