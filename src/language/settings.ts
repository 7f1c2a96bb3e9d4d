import * as vscode from 'vscode';

/** The settings of the citation features (templates, completion, hover), for the code and the manifest. */
export const CITATION_SETTINGS = {
  templates: 'paperScout.citation.templates',
  completionEnabled: 'paperScout.completion.enabled',
  commentTrigger: 'paperScout.completion.commentTrigger',
  commentFormat: 'paperScout.completion.commentFormat',
  hoverEnabled: 'paperScout.hover.enabled',
} as const;

/** The comment trigger when the setting is empty or missing. */
export const DEFAULT_COMMENT_TRIGGER = '@cite:';

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('paperScout');
}

/** The raw value of the templates setting (validated by `parseTemplates`). */
export function templatesValue(): unknown {
  return configuration().get<unknown>('citation.templates');
}

/** Whether papers are offered as completions. */
export function completionEnabled(): boolean {
  return configuration().get<boolean>('completion.enabled') !== false;
}

/** The text that, typed in a code comment, offers papers (`@cite:`). */
export function commentTrigger(): string {
  const value = configuration().get<unknown>('completion.commentTrigger');
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : DEFAULT_COMMENT_TRIGGER;
}

/**
 * What a completion after the comment trigger inserts: `key` (the key after the trigger, which the
 * hover and the bibliography export recognise), or a format id or template name that replaces the
 * trigger with that citation.
 */
export function commentFormat(): string {
  const value = configuration().get<unknown>('completion.commentFormat');
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : 'key';
}

/** Whether hovering a citation key shows the paper. */
export function hoverEnabled(): boolean {
  return configuration().get<boolean>('hover.enabled') !== false;
}
