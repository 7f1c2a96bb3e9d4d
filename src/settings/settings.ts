/**
 * Paper Scout's settings, read through one module: each reader returns a checked value of the right
 * type, falling back to the default of `definitions.ts` (the table checked against package.json). The
 * restricted settings (they read files or run patterns) take only the user's own value in an untrusted
 * workspace.
 */
import * as vscode from 'vscode';
import { AUTO_FORMAT } from '../core/insertion/documentStyle';
import type { PaperSort } from '../core/paperOrder';
import { restrictedValue, SECTION, sectionKey, SETTINGS, SORT_ORDERS, UNKNOWN_KEY_SEVERITIES, type SettingDefinition, type UnknownKeySeverity } from './definitions';

export { DEFAULT_COMMENT_TRIGGER, DEFAULT_FORMAT_BY_LANGUAGE, SETTINGS, SORT_LABELS, SORT_ORDERS, type UnknownKeySeverity } from './definitions';

function configuration(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, scope);
}

/** The raw value of `setting`; for a restricted one in an untrusted workspace, the user's own value. */
function read(setting: SettingDefinition<unknown>, scope?: vscode.ConfigurationScope): unknown {
  const config = configuration(scope);
  const name = sectionKey(setting);
  if (!setting.restricted) return config.get<unknown>(name);
  return restrictedValue(config.inspect<unknown>(name), config.get<unknown>(name), vscode.workspace.isTrusted).value;
}

function flag(setting: SettingDefinition<boolean>, scope?: vscode.ConfigurationScope): boolean {
  const value = read(setting, scope);
  return typeof value === 'boolean' ? value : setting.default;
}

function text(setting: SettingDefinition<string>): string {
  const value = read(setting);
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : setting.default;
}

/** True when a configuration change touches any of `settings`. */
export function affects(event: vscode.ConfigurationChangeEvent, ...settings: SettingDefinition<unknown>[]): boolean {
  return settings.some((setting) => event.affectsConfiguration(setting.key));
}

/** How papers are ordered under a topic. */
export function sortBy(): PaperSort {
  const value = read(SETTINGS.sortBy);
  return SORT_ORDERS.includes(value as PaperSort) ? (value as PaperSort) : SETTINGS.sortBy.default;
}

/** Saves the sort order where it is set (workspace or folder settings), else in the user settings. */
export async function setSortBy(sort: PaperSort): Promise<void> {
  const name = sectionKey(SETTINGS.sortBy);
  const inspected = configuration().inspect<string>(name);
  const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await configuration().update(name, sort, target);
}

/** Whether one panel is reused for every paper (true) or each paper gets its own. */
export function reusePanel(): boolean {
  return flag(SETTINGS.panelReuse);
}

/** Whether the search remembers the queries whose results were used. */
export function rememberSearches(): boolean {
  return flag(SETTINGS.rememberSearches);
}

/**
 * The id of the citation format inserted into a document of `languageId`: the setting's entry for the
 * language, else its `*` entry, else the built-in default (`auto`, the document's own style); `plain`
 * with no document. Ids are `auto`, built-in formats or `template:<name>`; the inserter falls back to
 * plain text for one it does not know.
 */
export function defaultFormatFor(languageId: string | undefined): string {
  if (languageId === undefined) return 'plain';
  const value = read(SETTINGS.defaultFormat);
  const configured = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const pick = (language: string): string | undefined => {
    const entry = configured[language];
    if (typeof entry === 'string' && entry.trim()) return entry.trim();
    return SETTINGS.defaultFormat.default[language];
  };
  return pick(languageId) ?? pick('*') ?? AUTO_FORMAT;
}

/** The raw value of the citation templates setting (checked by `parseTemplates`). */
export function templatesValue(): unknown {
  return read(SETTINGS.templates);
}

/** Whether papers are offered as completions (in a document of `scope`, for language overrides). */
export function completionEnabled(scope?: vscode.ConfigurationScope): boolean {
  return flag(SETTINGS.completionEnabled, scope);
}

/** The text that, typed in a code comment, offers papers (`@cite:`). */
export function commentTrigger(): string {
  return text(SETTINGS.commentTrigger);
}

/**
 * What a completion after the comment trigger inserts: `key` (the key after the trigger, which the
 * hover and the bibliography export recognise), or a format id or template name that replaces the
 * trigger with that citation.
 */
export function commentFormat(): string {
  return text(SETTINGS.commentFormat);
}

/** Whether hovering a citation key shows the paper (in a document of `scope`, for language overrides). */
export function hoverEnabled(scope?: vscode.ConfigurationScope): boolean {
  return flag(SETTINGS.hoverEnabled, scope);
}

/** Whether the light bulb offers "Cite a paper about this…" in prose and comments (in a document of `scope`). */
export function suggestLightBulb(scope?: vscode.ConfigurationScope): boolean {
  return flag(SETTINGS.suggestLightBulb, scope);
}

/** Whether Paper Scout indexes the citations of every file in the workspace. */
export function workspaceCitationsEnabled(): boolean {
  return flag(SETTINGS.workspaceCitations);
}

/** Files larger than this many bytes are left out of the workspace citation index (a positive whole number). */
export function workspaceMaxFileBytes(): number {
  const value = read(SETTINGS.workspaceMaxFileSize);
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : SETTINGS.workspaceMaxFileSize.default;
}

/** How unknown citation keys are marked in a document of `scope`. */
export function unknownKeySeverity(scope?: vscode.ConfigurationScope): UnknownKeySeverity {
  const value = read(SETTINGS.unknownKeySeverity, scope);
  return UNKNOWN_KEY_SEVERITIES.includes(value as UnknownKeySeverity) ? (value as UnknownKeySeverity) : SETTINGS.unknownKeySeverity.default;
}

/** Keys not meant as citations in the workspace of `scope` (never marked unknown). */
export function ignoredKeys(scope?: vscode.ConfigurationScope): string[] {
  const value = read(SETTINGS.ignoredKeys, scope);
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.length > 0) : [];
}

/**
 * Adds `key` to the ignored keys of the workspace (of the user settings when no workspace is open),
 * or with `remove` takes it out again; leaves the other entries as they are.
 */
export async function setKeyIgnored(key: string, ignored: boolean): Promise<void> {
  const name = sectionKey(SETTINGS.ignoredKeys);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = configuration().inspect<unknown>(name);
  const current = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  const keys = Array.isArray(current) ? (current as unknown[]).filter((entry) => entry !== key) : [];
  await configuration().update(name, ignored ? [...keys, key] : keys.length > 0 ? keys : undefined, target);
}

/** The user's corpus files and folders (entries that are not strings are ignored). */
export function corpusFileEntries(): string[] {
  const value = read(SETTINGS.corpusFiles);
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : [];
}

/** Whether the workspace's `.bib` files and the bibliographies documents declare are read as the user's library. */
export function workspaceLibraryEnabled(): boolean {
  return flag(SETTINGS.workspaceLibrary);
}

/** Whether the bundled papers are loaded alongside the user's own. */
export function includeBundled(): boolean {
  return flag(SETTINGS.includeBundled);
}

/** The raw value of the user topics setting (checked by `parseUserTopics`). */
export function userTopicsValue(): unknown {
  return read(SETTINGS.topics);
}
