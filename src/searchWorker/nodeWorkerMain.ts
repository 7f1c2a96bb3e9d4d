// The search worker for the Node extension host (and the CLI, the benchmark): a `worker_threads`
// worker that reads files by path. Bundled to dist/searchWorker.js. Never imports `vscode`.
import { readFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { SearchWorkerHandler } from '../core/searchWorker/workerHandler';
import type { TextSource, WorkerRequest } from '../core/searchWorker/workerProtocol';

const port = parentPort;
if (!port) throw new Error('the search worker must run as a worker thread');

async function readText(source: TextSource): Promise<string> {
  if ('text' in source) return source.text;
  if ('path' in source) return readFile(source.path, 'utf8');
  const response = await fetch(source.url);
  if (!response.ok) throw new Error(`${source.url}: ${response.status} ${response.statusText}`);
  return response.text();
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const heap = getHeapStatistics();
  return Math.round(((heap.used_heap_size + heap.external_memory) / (1024 * 1024)) * 10) / 10;
}

const handler = new SearchWorkerHandler({ post: (message, transfer) => port.postMessage(message, transfer), readText, heapMB });
port.on('message', (request: WorkerRequest) => void handler.handle(request));
