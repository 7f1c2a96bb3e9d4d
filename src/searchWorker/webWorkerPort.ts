import type { WorkerPort } from '../core/searchWorker/workerClient';
import type { WorkerRequest, WorkerResponse } from '../core/searchWorker/workerProtocol';

/**
 * Starts the web search worker bundle at `url` (dist/web/searchWorker.js as the extension's URI) as a
 * Web Worker, the way a web extension may: `new Worker(url)` from the web worker extension host, which
 * VS Code lets load the extension's own files. Throws when this host has no `Worker`.
 */
export function startWebSearchWorker(url: string): WorkerPort {
  const WebWorker = (globalThis as { Worker?: typeof Worker }).Worker;
  if (typeof WebWorker !== 'function') throw new Error('this extension host has no Web Worker');
  const worker = new WebWorker(url, { name: 'Paper Scout search' });
  const failureListeners: ((reason: string) => void)[] = [];
  const fail = (reason: string): void => {
    for (const listener of failureListeners) listener(reason);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.();
    fail(event.message ? `the search worker failed: ${event.message}` : 'the search worker could not start (its script did not load)');
  };
  worker.onmessageerror = () => fail('the search worker sent a message that could not be read');
  return {
    postMessage: (message: WorkerRequest, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer ?? []),
    onMessage: (listener: (message: WorkerResponse) => void) => {
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => listener(event.data);
    },
    onFailure: (listener: (reason: string) => void) => void failureListeners.push(listener),
    terminate: () => worker.terminate(),
  };
}
