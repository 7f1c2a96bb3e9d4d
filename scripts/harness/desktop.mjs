// `npm run test:desktop`: the integration suite in desktop VS Code through @vscode/test-electron, for
// contributors whose machine can download VS Code (it cannot on the project's build machines). Each
// session of paths.mjs (integrationSessions) runs in its own VS Code on a scratch copy of its fixture workspace.
// Usage: node scripts/harness/desktop.mjs   (VSCODE_VERSION=stable by default)
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildAll } from './buildAll.mjs';
import { sessionBundleDir } from './buildTests.mjs';
import { integrationSessions, root } from './paths.mjs';
import { scratchWorkspace } from './scratchWorkspace.mjs';

try {
  await buildAll({ force: true });
  for (const session of integrationSessions) {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(sessionBundleDir('node', session), 'index.js'),
      launchArgs: [scratchWorkspace({ prefix: 'paper-scout-desktop-', fixture: session.workspace }), '--disable-extensions', '--disable-workspace-trust'],
    });
  }
} catch (error) {
  console.error(`[harness] desktop tests failed: ${error.message ?? error}`);
  process.exit(1);
}
