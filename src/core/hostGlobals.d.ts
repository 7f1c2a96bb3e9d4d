// What the pure core may use of its host: the APIs that Node and web workers (the web worker extension host,
// the search worker, the browser) both provide, as far as the core uses them. Only the core's own type check
// (src/core/tsconfig.json) reads this file; every host's check has these from its own library.

/** A timer, as the host's `setTimeout` and `setInterval` return it (a number in browsers, an object in Node). */
interface HostTimer { readonly hostTimer: unique symbol }
declare function setTimeout(callback: () => void, ms?: number): HostTimer;
declare function clearTimeout(handle: HostTimer | undefined): void;
declare function setInterval(callback: () => void, ms?: number): HostTimer;
declare function clearInterval(handle: HostTimer | undefined): void;
declare function queueMicrotask(callback: () => void): void;

declare const performance: { now(): number };

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** esbuild bundles a `require` like an import; the core uses it only to load a package lazily. */
declare function require(id: string): unknown;
