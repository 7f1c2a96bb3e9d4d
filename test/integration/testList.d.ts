/** The virtual module scripts/harness/buildTests.mjs generates from test/integration/**\/*.test.ts. */
declare module 'paper-scout:tests' {
  /** Requires every test file, so their `describe` calls register with the current mocha. */
  export function loadTests(): void;
  /** Repo-relative paths of the test files, for the log. */
  export const testFiles: string[];
}
