import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { COMMANDS } from '../../../src/commands/commandIds';
import { readManifest } from '../manifest';
import { typeScriptFiles } from '../sourceFiles';

const IDS: readonly string[] = Object.values(COMMANDS);

describe('commands: the one table of command ids against package.json', () => {
  const manifest = readManifest();
  const contributed = (manifest.contributes.commands ?? []).map((command) => command.command);

  it('contributes every command the code registers', () => {
    assert.deepEqual(IDS.filter((id) => !contributed.includes(id)), []);
  });

  it('registers every command package.json contributes', () => {
    assert.deepEqual(contributed.filter((id) => !IDS.includes(id)), []);
  });

  it('gives every command a Title Case title and the "Paper Scout" category', () => {
    for (const command of manifest.contributes.commands ?? []) {
      assert.equal(command.category, 'Paper Scout', command.command);
      assert.match(command.title, /^[A-Z][a-z]*(?: (?:[A-Z][a-z]*|in|for|with|by|of))*…?$/, `${command.command}: "${command.title}"`);
    }
  });

  it('names only known commands in menus, keybindings and the views\' welcome links, and only declared submenus', () => {
    const entries = Object.values(manifest.contributes.menus ?? {}).flat();
    const menus = entries.flatMap((entry) => (entry.command === undefined ? [] : [entry.command]));
    const submenus = new Set((manifest.contributes.submenus ?? []).map((submenu) => submenu.id));
    for (const entry of entries) assert.ok(entry.command !== undefined || (entry.submenu !== undefined && submenus.has(entry.submenu)), JSON.stringify(entry));
    const keys = (manifest.contributes.keybindings ?? []).map((binding) => binding.command);
    const welcome = JSON.stringify(manifest.contributes).match(/command:paperScout\.[A-Za-z.]+/g) ?? [];
    const unknown = [...menus, ...keys, ...welcome.map((link) => link.slice('command:'.length))].filter((id) => !IDS.includes(id));
    assert.deepEqual(unknown, []);
  });

  it('spells command ids in src/commands/commandIds.ts only', () => {
    const table = resolve('src/commands/commandIds.ts');
    const literals = typeScriptFiles(resolve('src')).filter((file) => file !== table).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return IDS.filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`) || text.includes(`\`${id}`)).map((id) => `${relative('.', file)}: ${id}`);
    });
    assert.deepEqual(literals, []);
  });
});
