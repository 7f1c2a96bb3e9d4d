// The search worker for the web extension host: a Web Worker that reads by URL. Bundled to
// dist/web/searchWorker.js. Never imports `vscode` and uses no Node API.
import { SearchWorkerHandler } from '../core/searchWorker/workerHandler';
import type { TextSource, WorkerRequest, WorkerResponse } from '../core/searchWorker/workerProtocol';

/** The part of a dedicated worker's global scope this worker uses. */
interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

async function readText(source: TextSource): Promise<string> {
  if ('text' in source) return source.text;
  const url = 'url' in source ? source.url : source.path;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

const handler = new SearchWorkerHandler({ post: (message, transfer) => scope.postMessage(message, transfer ?? []), readText, heapMB: () => null });
scope.onmessage = (event) => void handler.handle(event.data);
