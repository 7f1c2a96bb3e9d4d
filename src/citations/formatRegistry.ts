/**
 * The citation formats offered to the user: the built-in ones and the templates of the
 * `paperScout.citation.templates` setting. Insert and copy pickers, and the comment completion, take
 * their list from `availableFormats()`.
 */
import * as vscode from 'vscode';
import { CITATION_FORMATS, formatCitation } from '../core/citations/formats';
import { parseTemplates, renderTemplate, type CitationTemplate, type RenderOptions } from '../core/citations/templates';
import type { Paper } from '../core/types';
import { affects, SETTINGS, templatesValue } from '../settings/settings';

/** A citation format as pickers show it, built-in or from a user template. */
export interface AvailableFormat {
  /** A built-in format id (`bibtex`), or `template:<name>` for a user template. */
  id: string;
  label: string;
  description: string;
  /** True for a user template. */
  template: boolean;
  /** The paper cited in this format; with `latex`, for a LaTeX document (see `RenderOptions`). */
  render(paper: Paper, options?: RenderOptions): string;
}

/** The id `availableFormats()` gives a user template. */
export function templateFormatId(name: string): string {
  return `template:${name}`;
}

/**
 * Every citation format: the built-in ones in menu order, then the valid templates of
 * `paperScout.citation.templates` in the order written. Bad templates are left out (the
 * `TemplateSettingWatcher` reports them); the built-in formats are always there.
 */
export function availableFormats(): AvailableFormat[] {
  const builtIn: AvailableFormat[] = CITATION_FORMATS.map((format) => ({
    id: format.id,
    label: format.label,
    description: format.description,
    template: false,
    render: (paper: Paper, options?: RenderOptions) => formatCitation(paper, format.id, options),
  }));
  return [...builtIn, ...parseTemplates(templatesValue()).templates.map(templateFormat)];
}

/** The format with this id (`bibtex`, `template:Short`), or a template by its bare name (`Short`). */
export function findFormat(idOrName: string): AvailableFormat | undefined {
  const formats = availableFormats();
  return formats.find((format) => format.id === idOrName) ?? formats.find((format) => format.template && format.label === idOrName);
}

function templateFormat(template: CitationTemplate): AvailableFormat {
  return {
    id: templateFormatId(template.name),
    label: template.name,
    description: template.description ?? template.template,
    template: true,
    render: (paper: Paper, options?: RenderOptions) => renderTemplate(template, paper, options),
  };
}

/**
 * Checks `paperScout.citation.templates` at start and whenever it changes, and shows each new set of
 * problems once as a warning that names the setting and the index of each bad template.
 */
export class TemplateSettingWatcher implements vscode.Disposable {
  private lastReported = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log?: vscode.LogOutputChannel) {
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, SETTINGS.templates)) this.check();
    }, undefined, this.disposables);
    this.check();
  }

  /** Validates the setting; returns its problems (also logged, and shown when new). */
  check(): string[] {
    const { errors } = parseTemplates(templatesValue());
    const report = errors.join('\n');
    if (report === this.lastReported) return errors;
    this.lastReported = report;
    if (errors.length === 0) return errors;
    const named = errors.map((error) => `${SETTINGS.templates.key}${error.startsWith('[') ? '' : ': '}${error}`);
    for (const error of named) this.log?.warn(error);
    const shown = named.slice(0, 3).join('; ');
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
    const message = `Paper Scout skipped citation templates with problems: ${shown}${more}. The built-in formats still work.`;
    void vscode.window.showWarningMessage(message, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS.templates.key);
    });
    return errors;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
