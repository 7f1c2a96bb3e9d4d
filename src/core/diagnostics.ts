import type { Diagnostic } from './types';

/** One line a person can act on: `file:line: message` or `file (papers[3].title): message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line !== null ? `${diagnostic.file}:${diagnostic.line}` : diagnostic.path ? `${diagnostic.file} (${diagnostic.path})` : diagnostic.file;
  return `${where}: ${diagnostic.severity === 'warning' ? 'warning: ' : ''}${diagnostic.message}`;
}

/** `papers[3].title`, as a reader would write a JSON path. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}
