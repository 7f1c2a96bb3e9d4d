import { Worker } from 'node:worker_threads';
import type { WorkerPort } from '../core/searchWorker/workerClient';
import type { WorkerRequest, WorkerResponse } from '../core/searchWorker/workerProtocol';

/** Starts the Node search worker bundle at `file` and adapts it for `SearchWorkerClient`. */
export function startNodeSearchWorker(file: string, options: { maxHeapMB?: number } = {}): WorkerPort {
  const worker = new Worker(file, options.maxHeapMB ? { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMB } } : {});
  return {
    postMessage: (message: WorkerRequest, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer),
    onMessage: (listener: (message: WorkerResponse) => void) => void worker.on('message', listener),
    onFailure: (listener: (reason: string) => void) => {
      worker.on('error', (error) => listener(error.message));
      worker.on('exit', (code) => listener(`the search worker exited (code ${code})`));
    },
    terminate: () => worker.terminate(),
  };
}
