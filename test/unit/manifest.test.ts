// The manifest as VS Code and the Marketplace read it: discovery, trust, settings sections, the
// walkthrough, and where the menus and the keybinding apply.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedLanguages, servedLanguagesWhen } from '../../src/core/languages';
import { CITING_FILE_ENDINGS } from '../../src/core/references/scanCitations';
import { SETTINGS } from '../../src/settings/definitions';
import { configurationSections, manifestSettings, readManifest } from './manifest';

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest: package.json as VS Code and the Marketplace read it', () => {
  const manifest = readManifest();

  it('can be found: keywords, categories beyond Other, a PNG icon of at least 128 px, the MIT licence text, a changelog', () => {
    for (const keyword of ['citation', 'bibtex', 'biblatex', 'latex', 'pandoc', 'markdown', 'arxiv', 'papers', 'machine learning']) {
      assert.ok((manifest.keywords as string[]).includes(keyword), `keyword ${keyword}`);
    }
    const categories = manifest.categories as string[];
    assert.ok(categories.length > 0 && !categories.includes('Other'), `categories: ${categories.join(', ')}`);
    const icon = manifest.icon as string;
    assert.match(icon, /\.png$/);
    const { width, height } = pngSize(icon);
    assert.ok(width >= 128 && width === height, `the icon is ${width}×${height}`);
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License\n/);
    assert.ok(existsSync('CHANGELOG.md'));
    assert.ok(!(manifest.scripts as Record<string, string>).package.includes('--skip-license'), 'npm run package skips the licence');
  });

  it('runs limited in Restricted Mode, restricting exactly the settings that read files or run patterns, and in virtual workspaces', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.ok(untrusted?.description && untrusted.description.length > 20);
    const restricted = Object.values(SETTINGS).filter((setting) => setting.restricted).map((setting) => setting.key).sort();
    assert.deepEqual([...(untrusted?.restrictedConfigurations ?? [])].sort(), restricted);
    assert.deepEqual(restricted, ['paperScout.corpus.sources', 'paperScout.topics']);
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
  });

  it('groups the settings in titled sections, each setting with a scope, a description and its own order', () => {
    assert.deepEqual(configurationSections(manifest).map((section) => section.title), ['Search', 'Citations', 'Your Papers', 'Appearance']);
    const orders = new Map<number, string>();
    for (const [key, setting] of manifestSettings(manifest)) {
      assert.ok(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(setting.scope ?? ''), `${key}: scope ${setting.scope}`);
      assert.ok((setting.markdownDescription ?? setting.description ?? '').length > 20, `${key} has no description`);
      assert.equal(typeof setting.order, 'number', `${key} has no order`);
      assert.ok(!orders.has(setting.order!), `${key} and ${orders.get(setting.order!)} share the order ${setting.order}`);
      orders.set(setting.order!, key);
    }
    assert.ok(['machine-overridable', 'resource'].includes(manifestSettings(manifest).get(SETTINGS.corpusFiles.key)?.scope ?? ''));
  });

  it('has a walkthrough of four steps: search, browse topics, insert a citation, add your own papers, each with its media', () => {
    const walkthroughs = manifest.contributes.walkthroughs ?? [];
    assert.equal(walkthroughs.length, 1);
    const steps = walkthroughs[0].steps;
    assert.deepEqual(steps.map((step) => step.id), ['search', 'browseTopics', 'insertCitation', 'addPapers']);
    for (const step of steps) {
      const media = Object.values(step.media)[0];
      assert.ok(media && existsSync(media), `${step.id}: media ${media} is missing`);
      assert.match(step.description, /\]\(command:/, `${step.id} has no button`);
    }
  });

  it('shows the keybinding and the editor context menu entries only where they apply', () => {
    for (const binding of manifest.contributes.keybindings ?? []) assert.ok(binding.when, `the keybinding of ${binding.command} has no when clause`);
    // One Paper Scout submenu, in the languages Paper Scout serves or with a selection, never in the output panel.
    const served = servedLanguagesWhen();
    // The clause VS Code evaluates, read back: it names exactly the languages served, none of JSON, YAML or the output panel's log.
    const pattern = new RegExp(/=~ \/(.*)\/$/.exec(served)?.[1] ?? '$^');
    for (const language of servedLanguages()) assert.ok(pattern.test(language), language);
    for (const language of ['json', 'jsonc', 'yaml', 'Log', 'log', 'scminput', 'pythonx', 'xpython', 'markdown-math']) assert.ok(!pattern.test(language), language);
    assert.deepEqual(manifest.contributes.menus?.['editor/context'], [
      { submenu: 'paperScout.editorContext', when: `editorTextFocus && resourceScheme != output && (${served} || editorHasSelection)`, group: '9_paperScout@1' },
    ]);
    assert.deepEqual(manifest.contributes.submenus, [{ id: 'paperScout.editorContext', label: 'Paper Scout' }]);
    const entries = manifest.contributes.menus?.['paperScout.editorContext'] ?? [];
    const commands = new Set(manifest.contributes.commands?.map((command) => command.command));
    assert.deepEqual(entries.map((entry) => entry.command), ['paperScout.suggestPapers', 'paperScout.insertCitation', 'paperScout.searchSelection', 'paperScout.replaceSelectionWithCitation']);
    for (const entry of entries) {
      assert.ok(entry.command !== undefined && commands.has(entry.command), entry.command);
      // Only the search for the selected text goes into any editor; the others write citations, where a citation goes.
      if (entry.command === 'paperScout.searchSelection') assert.equal(entry.when, 'editorHasSelection');
      else assert.ok(entry.when?.includes(served) && entry.when.includes('!editorReadonly'), `${entry.command}: ${entry.when}`);
    }
  });

  it('activates where it serves and where the workspace cites, never merely because VS Code started', () => {
    const events = manifest.activationEvents ?? [];
    assert.ok(!events.includes('onStartupFinished') && !events.includes('*'), 'no activation in every window');
    assert.deepEqual(events.filter((event) => event.startsWith('workspaceContains:')), CITING_FILE_ENDINGS.map((ending) => `workspaceContains:**/*.${ending}`));
    assert.ok(events.includes('onWebviewPanel:paperScout.paper'), 'restores the paper panels after a reload');
    // Views and commands activate it by themselves (VS Code 1.74 and later).
    assert.ok(!events.some((event) => event.startsWith('onView:') || event.startsWith('onCommand:')));
  });

  /**
   * The files of the .vsix, as vsce lists them, read once: vsce takes a few seconds, and took over mocha's 20 s
   * once when four suites ran on the 2 cores. The two tests that read them are given vsce's time.
   */
  const VSCE_LS_TIMEOUT_MS = 120_000;
  let packedFiles: Set<string> | undefined;
  const packed = (): Set<string> => packedFiles ??= new Set(execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' })
    .split('\n').filter(Boolean));

  it('has a README for users that names every command in the palette and every setting, and no set-up for developers', () => {
    const readme = readFileSync('README.md', 'utf8');
    const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((entry) => entry.when === 'false').map((entry) => entry.command));
    for (const command of manifest.contributes.commands ?? []) {
      if (!hidden.has(command.command)) assert.ok(readme.includes(command.title), `the README does not name the command "${command.title}"`);
    }
    for (const key of manifestSettings(manifest).keys()) {
      assert.ok(readme.includes(`\`${key.replace(/^paperScout\./, '')}\``), `the README does not name the setting ${key}`);
    }
    assert.ok(!/apt-get|npm ci|node_modules/.test(readme), 'the README is for users: set-up for developers goes in CONTRIBUTING.md');
    for (const field of ['repository', 'bugs', 'homepage']) assert.ok(manifest[field], `package.json has no ${field}`);
  });

  it("links from the README only to what the .vsix holds, never to the repository's pages (its address is a placeholder)", () => {
    const readme = readFileSync('README.md', 'utf8');
    const links = [...readme.matchAll(/\]\(([^)\s]+)/g)].map((match) => match[1]);
    assert.ok(links.length > 0, 'the README links to nothing (its screenshots)');
    const repository = String((manifest.repository as { url?: string } | undefined)?.url ?? '').replace(/\.git$/, '');
    assert.ok(repository, 'package.json names no repository');
    for (const link of links) {
      if (/^https?:/.test(link)) assert.ok(!link.startsWith(repository), `the README links to ${link}, a page of a repository that does not exist yet`);
      else if (!link.startsWith('#')) assert.ok(packed().has(link.split('#')[0]), `the README links to ${link}, which the .vsix leaves out: its page in VS Code would show a broken link`);
    }
    // Without this vsce rewrites every relative link to the repository's address, where nothing answers.
    assert.match((manifest.scripts as Record<string, string>).package, /--no-rewrite-relative-links/, 'npm run package lets vsce point the README\'s links at the repository');
  }).timeout(VSCE_LS_TIMEOUT_MS);
  it('packs into the .vsix every file the extension loads, and no source, test, map, CLI or developer document', () => {
    const walkthroughMedia = (manifest.contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps.flatMap((step) => Object.values(step.media)));
    const viewIcons = Object.values((manifest.contributes as { viewsContainers?: Record<string, { icon: string }[]> }).viewsContainers ?? {}).flat().map((container) => container.icon);
    // What src/ loads by path: the bundles and the corpus under dist/ (all but the CLI and source maps), and the panel's media.
    const built = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => entry.isDirectory() ? built(join(dir, entry.name)) : [join(dir, entry.name)]);
    const bundles = built('dist').filter((file) => !file.endsWith('.map') && file !== join('dist', 'cli.js'));
    const panelMedia = [...readFileSync('src/panel/paperPanel.ts', 'utf8').matchAll(/joinPath\(media, '([^']+)'\)/g)].map((match) => `media/${match[1]}`);
    for (const file of [manifest.main, manifest.browser, manifest.icon, ...walkthroughMedia, ...viewIcons, ...bundles, ...panelMedia, 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      const path = String(file).replace(/^\.\//, '').split('\\').join('/');
      assert.ok(packed().has(path), `${path} is not in the .vsix`);
    }
    for (const file of packed()) {
      assert.ok(!/^(src|test|bench|scripts|docs|out|\.vscode)\/|^media\/corpus\/|\.map$|^dist\/cli\.js$|^CONTRIBUTING\.md$/.test(file), `${file} should not be in the .vsix`);
    }
  }).timeout(VSCE_LS_TIMEOUT_MS);
});
