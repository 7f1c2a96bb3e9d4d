// Dependency rules, checked by dependency-cruiser (`npm run deps`; `npm test` runs it as a counted check).
// Type-only imports count: a type dependency is a dependency.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module imports one that imports it back, directly or round a longer loop.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      scope: 'folder',
      comment: 'No folder of src/ imports a folder that imports it back: the folders layer, so a feature can be read from the folders down.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-entry-on-top',
      severity: 'error',
      comment: 'The files directly in src/ (the entry, the API, PaperScout) wire the folders together and no folder imports them, so src/ and its folders form no loop. (dependency-cruiser\'s folder cycles count a sub-folder\'s imports as its parent\'s: a loop between a folder and its parent goes unseen.)',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/[^/]+$' },
    },
    {
      name: 'shared-files-below-sub-folders',
      severity: 'error',
      comment: 'In a folder below src/ (src/core: types, languages, slices), the files directly in it are shared by its sub-folders and import none of them, so a folder and its sub-folders form no loop, which no-circular-folders cannot see.',
      from: { path: '^(src/.+)/[^/]+$' },
      to: { path: '^$1/[^/]+/' },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'The pure core imports nothing of the glue around it (views, panel, citations, ...): the glue builds on the core, never the other way.',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'core-without-vscode',
      severity: 'error',
      comment: 'The pure core (src/core) never imports vscode: it runs in the unit tests, the CLI and the browser.',
      from: { path: '^src/core/' },
      to: { path: '^vscode$|/@types/vscode/' },
    },
    {
      name: 'core-without-node',
      severity: 'error',
      comment: 'The pure core never imports Node built-ins (node:*): it runs in the web worker host and the browser too.',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'webview-without-host',
      severity: 'error',
      comment: 'The webview script runs in the panel\'s page: neither vscode nor Node is there.',
      from: { path: '^src/webview/' },
      to: { path: '^vscode$|/@types/vscode/', dependencyTypes: ['core'] },
    },
    {
      name: 'src-without-tests',
      severity: 'error',
      comment: 'What ships never imports a test or the bench.',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'bench-and-tests-apart',
      severity: 'error',
      comment: 'bench/ and test/ do not import each other: what both use (query sets, passages, a disk for users\' corpora) is in evaluation/.',
      from: { path: '^(bench|test)/' },
      to: { path: '^(bench|test)/', pathNot: '^$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|out|\\.tools)/' },
  },
};
