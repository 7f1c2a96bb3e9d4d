import assert from 'node:assert/strict';
import { DEFAULT_FORMAT_BY_LANGUAGE, restrictedValue, sectionKey, SETTINGS, SORT_LABELS, SORT_ORDERS } from '../../../src/settings/definitions';
import { CITATION_FORMATS } from '../../../src/core/citations/formats';
import { AUTO_FORMAT } from '../../../src/core/insertion/documentStyle';
import { manifestSettings, readManifest } from '../manifest';

describe('settings: the one table of settings against package.json', () => {
  const manifest = readManifest();
  const contributed = manifestSettings(manifest);
  const definitions = Object.values(SETTINGS);

  it('declares every setting the code reads, with the same type and default', () => {
    for (const definition of definitions) {
      const declared = contributed.get(definition.key);
      assert.ok(declared, `${definition.key} is read by the code but not contributed`);
      assert.equal(declared.type, definition.type, `${definition.key}: type`);
      assert.deepEqual(declared.default, definition.default, `${definition.key}: default`);
    }
  });

  it('reads every setting package.json contributes', () => {
    const known = new Set(definitions.map((definition) => definition.key));
    assert.deepEqual([...contributed.keys()].filter((key) => !known.has(key)), []);
  });

  it('keeps every key in the paperScout section', () => {
    for (const definition of definitions) assert.equal(`paperScout.${sectionKey(definition)}`, definition.key);
  });

  it('offers the sort orders the manifest lists, each with a label', () => {
    const declared = contributed.get(SETTINGS.sortBy.key) as { enum?: string[] };
    assert.deepEqual(declared.enum, [...SORT_ORDERS]);
    assert.deepEqual(Object.keys(SORT_LABELS).sort(), [...SORT_ORDERS].sort());
  });

  it('defaults every language to the document\'s own style, and names only built-in formats otherwise', () => {
    const formats = new Set<string>([...CITATION_FORMATS.map((format) => format.id), AUTO_FORMAT]);
    for (const [language, format] of Object.entries(DEFAULT_FORMAT_BY_LANGUAGE)) assert.ok(formats.has(format), `${language}: ${format}`);
    assert.equal(DEFAULT_FORMAT_BY_LANGUAGE['*'], AUTO_FORMAT);
    const declared = contributed.get(SETTINGS.defaultFormat.key) as { default: unknown; additionalProperties: { anyOf: { enum?: string[] }[] } };
    assert.deepEqual(declared.default, DEFAULT_FORMAT_BY_LANGUAGE);
    assert.deepEqual(declared.additionalProperties.anyOf[0].enum, [AUTO_FORMAT, ...CITATION_FORMATS.map((format) => format.id)], 'the manifest offers every format');
  });
});

describe('settings: restricted settings in an untrusted workspace', () => {
  const inspected = { defaultValue: [] as string[], globalValue: ['~/mine.json'], workspaceValue: ['evil.json'] };

  it('take what VS Code resolves in a trusted workspace', () => {
    assert.deepEqual(restrictedValue(inspected, ['evil.json'], true), { value: ['evil.json'], ignoredWorkspaceValue: false });
  });

  it('take the user value, never the workspace value, in an untrusted one, and say that one was left out', () => {
    assert.deepEqual(restrictedValue(inspected, ['evil.json'], false), { value: ['~/mine.json'], ignoredWorkspaceValue: true });
    assert.deepEqual(restrictedValue({ defaultValue: [], workspaceFolderValue: ['x'] }, ['x'], false), { value: [], ignoredWorkspaceValue: true });
    assert.deepEqual(restrictedValue({ defaultValue: [], globalValue: ['a'] }, ['a'], false), { value: ['a'], ignoredWorkspaceValue: false });
    assert.deepEqual(restrictedValue(undefined, undefined, false), { value: undefined, ignoredWorkspaceValue: false });
  });
});
