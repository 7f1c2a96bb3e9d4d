// Paper Scout's keybindings against VS Code's own (issue 15 asks for a key that does not clash with a
// default): read from the default keybindings document of the VS Code under test.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, contributes } from '../helpers';

/** A key combination with its modifiers in one order (`shift+ctrl+P` and `ctrl+shift+p` are the same). */
function normalized(key: string): string {
  return key.toLowerCase().split(' ').map((chord) => {
    const parts = chord.split('+');
    const last = parts.pop() ?? '';
    return [...parts.sort(), last].join('+');
  }).join(' ');
}

describe('commands: keybindings', () => {
  before(async () => { await api(); });

  it('binds no key VS Code itself binds', async () => {
    const defaults = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const bound = [...defaults.getText().matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"(?:,\s*"when":\s*"([^"]*)")?/g)]
      .filter((match) => !match[2].startsWith('paperScout.'))
      .map((match) => ({ key: normalized(match[1]), command: match[2], when: match[3] ?? '' }));
    assert.ok(bound.length > 100, `only ${bound.length} default keybindings were read`);
    const ours = ((contributes() as { keybindings?: { command: string; key: string; when?: string }[] }).keybindings ?? []);
    assert.ok(ours.some((binding) => binding.command === COMMANDS.suggestPapers), 'Suggest Papers for This Passage has no keybinding');
    for (const binding of ours) {
      // A key used only while Paper Scout's own panel has the focus (Alt+Left for Back, as in a browser)
      // may be used elsewhere by places that have the focus instead (the terminal, the quick pick).
      const inPanelOnly = binding.when?.includes("activeWebviewPanelId == 'paperScout.paper'") === true;
      const clash = bound.filter((other) => other.key === normalized(binding.key) && other.when !== 'false' && !(inPanelOnly && /Focus|InputFocus|inQuickOpen|inQuickInput|breadcrumbsActive/.test(other.when)));
      assert.deepStrictEqual(clash.map((other) => `${other.command} (when ${other.when || 'always'})`), [], `${binding.command} (${binding.key}) clashes`);
    }
  });
});
