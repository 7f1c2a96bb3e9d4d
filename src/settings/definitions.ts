/**
 * Every setting Paper Scout reads, with its JSON type and its default: the one table the code reads
 * and `test/unit/settings` checks against `contributes.configuration` in package.json. Pure (no
 * `vscode`); the readers are in `settings.ts`.
 */
import { orderLabel } from '../core/citations/displayText';
import type { CitationFormat } from '../core/citations/formats';
import { AUTO_FORMAT } from '../core/insertion/documentStyle';
import { DEFAULT_MAX_FILE_BYTES } from '../core/references/citationIndexBuild';
import type { PaperSort } from '../core/paperOrder';

/** The configuration section every setting is under. */
export const SECTION = 'paperScout';

/** A setting's JSON type, as the manifest declares it. */
export type SettingType = 'string' | 'boolean' | 'number' | 'array' | 'object';

/** One setting: its full key, its type and its default, as package.json declares them. */
export interface SettingDefinition<T> {
  readonly key: string;
  readonly type: SettingType;
  readonly default: T;
  /**
   * Listed in the manifest's `restrictedConfigurations`: in an untrusted workspace only the user's own
   * value counts, since the setting reads files or runs patterns.
   */
  readonly restricted?: boolean;
}

/** The sort orders of the Topics view. */
export const SORT_ORDERS: readonly PaperSort[] = ['date', 'upvotes', 'title'];

/** How the Topics view names each sort order (its description, and the sort picker). */
export const SORT_LABELS: Readonly<Record<PaperSort, string>> = {
  date: orderLabel('date'),
  upvotes: orderLabel('upvotes'),
  title: orderLabel('title'),
};

/**
 * The built-in per-language citation formats; the setting's entries are laid over them. `auto` is the
 * document's own style (`documentFormat`): `[@key]` in Markdown that uses pandoc citations, the
 * Markdown link in Markdown that does not, the LaTeX document's own command, BibTeX in `.bib` files,
 * plain text in other prose, a comment in code.
 */
export const DEFAULT_FORMAT_BY_LANGUAGE: Readonly<Record<string, CitationFormat | typeof AUTO_FORMAT>> = {
  '*': AUTO_FORMAT,
};

/** The comment trigger when the setting is empty or missing. */
export const DEFAULT_COMMENT_TRIGGER = '@cite:';

/** How an unknown citation key is marked in the editor and the Problems view; `off` marks nothing. */
export type UnknownKeySeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The values of the unknown-key severity setting, in the manifest's order. */
export const UNKNOWN_KEY_SEVERITIES: readonly UnknownKeySeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

function define<T>(name: string, type: SettingType, defaultValue: T, restricted = false): SettingDefinition<T> {
  return { key: `${SECTION}.${name}`, type, default: defaultValue, ...(restricted ? { restricted } : {}) };
}

/** Every Paper Scout setting, by the name the code uses for it. */
export const SETTINGS = {
  sortBy: define<PaperSort>('sortBy', 'string', 'date'),
  panelReuse: define('panel.reuse', 'boolean', true),
  rememberSearches: define('search.rememberRecent', 'boolean', true),
  defaultFormat: define<Readonly<Record<string, string>>>('citation.defaultFormat', 'object', DEFAULT_FORMAT_BY_LANGUAGE),
  templates: define<readonly unknown[]>('citation.templates', 'array', []),
  completionEnabled: define('completion.enabled', 'boolean', true),
  commentTrigger: define('completion.commentTrigger', 'string', DEFAULT_COMMENT_TRIGGER),
  commentFormat: define('completion.commentFormat', 'string', 'key'),
  hoverEnabled: define('hover.enabled', 'boolean', true),
  suggestLightBulb: define('suggest.lightBulb', 'boolean', true),
  workspaceCitations: define('workspaceCitations.enabled', 'boolean', true),
  workspaceMaxFileSize: define('workspaceCitations.maxFileSize', 'number', DEFAULT_MAX_FILE_BYTES),
  unknownKeySeverity: define<UnknownKeySeverity>('workspaceCitations.unknownKeys', 'string', 'warning'),
  ignoredKeys: define<readonly string[]>('workspaceCitations.ignoredKeys', 'array', []),
  corpusFiles: define<readonly string[]>('corpus.sources', 'array', [], true),
  includeBundled: define('corpus.includeBundled', 'boolean', true),
  workspaceLibrary: define('library.workspaceBibFiles', 'boolean', true),
  topics: define<readonly unknown[]>('topics', 'array', [], true),
} as const;

/** A setting's name in `SETTINGS`. */
export type SettingName = keyof typeof SETTINGS;

/** The key of a setting inside the `paperScout` section (`corpus.sources`). */
export function sectionKey(setting: SettingDefinition<unknown>): string {
  return setting.key.slice(SECTION.length + 1);
}

/** What `WorkspaceConfiguration.inspect` reports about one setting (the parts used here). */
export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** A restricted setting's value, and whether a workspace value was left out to get it. */
export interface RestrictedValue<T> {
  value: T | undefined;
  /** True when the workspace (or a folder of it) sets the setting and that value was not used. */
  ignoredWorkspaceValue: boolean;
}

/**
 * The value of a restricted setting: in a trusted workspace, what VS Code resolves; in an untrusted
 * one, the user's own value (or the default), never a value the workspace brought with it.
 */
export function restrictedValue<T>(inspected: InspectedSetting<T> | undefined, resolved: T | undefined, trusted: boolean): RestrictedValue<T> {
  if (trusted) return { value: resolved, ignoredWorkspaceValue: false };
  const ignoredWorkspaceValue = inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
  return { value: inspected?.globalValue ?? inspected?.defaultValue, ignoredWorkspaceValue };
}
