// `npm run test:desktop`: the integration suite in desktop VS Code through @vscode/test-electron, for
// contributors whose machine can download VS Code (it cannot on the project's build machines).
// Usage: node scripts/harness/desktop.mjs   (VSCODE_VERSION=stable by default)
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildAll } from './buildAll.mjs';
import { integrationOut, root } from './paths.mjs';
import { scratchWorkspace } from './scratchWorkspace.mjs';

try {
  await buildAll({ force: true });
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(integrationOut, 'node', 'index.js'),
    launchArgs: [scratchWorkspace({ prefix: 'paper-scout-desktop-' }), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`[harness] desktop tests failed: ${error.message ?? error}`);
  process.exit(1);
}
