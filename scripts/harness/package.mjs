// Packages the .vsix the Node UI host installs (npm run package), only when a source is newer than it.
// `npm test` runs this as its first stage, before the build: packaging's production build rewrites dist/, so
// it must never run while a host serves dist/ (the UI and integration hosts run side by side later on).
// Usage: node scripts/harness/package.mjs
import { packageVsix, vsixIsCurrent } from './codeServer.mjs';
import { logFile } from './logs.mjs';
import { step } from './proc.mjs';

if (vsixIsCurrent()) {
  step('the .vsix is newer than every source: not packaged again');
} else {
  step(`packaging the extension (npm run package; log: ${logFile('package.log')})`);
  await packageVsix({ logFile: logFile('package.log') });
}
