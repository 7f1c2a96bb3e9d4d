// esbuild bundles a `require` like an import. The shared extension code requires the Node-only modules
// (nodeWorkerPort, nodeFileHost) in branches the web bundle's build removes (PAPER_SCOUT_HOST), so the web
// worker host's type check (tsconfig.web.json) knows `require` only as this.
declare function require(id: string): unknown;
