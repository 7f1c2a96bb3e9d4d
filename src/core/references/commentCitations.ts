/**
 * Citations in code comments: the comment trigger (`@cite:` by default, the
 * `paperScout.completion.commentTrigger` setting) followed by a key, inside a comment or docstring
 * of the language. The trigger inside a string or in code is not a citation.
 */
import { escapeRegExp } from '../regex';
import { commentAt, findComments } from '../sourceText/comments';
import type { CommentSyntax } from '../languages';
import type { KeySpan } from './keyOccurrences';

/** The default comment trigger, as in the `paperScout.completion.commentTrigger` setting. */
export const DEFAULT_COMMENT_TRIGGER = '@cite:';

/** A key after the trigger: letters, digits and `_`, with `:`, `.`, `-` or `/` inside. */
const KEY_AFTER_TRIGGER = '([A-Za-z0-9_](?:[A-Za-z0-9_:./-]*[A-Za-z0-9_])?)';

const triggerPatterns = new Map<string, RegExp>();

/** The pattern of `trigger` followed by a key (cached per trigger). */
function triggerPattern(trigger: string): RegExp {
  let pattern = triggerPatterns.get(trigger);
  if (!pattern) {
    pattern = new RegExp(`${escapeRegExp(trigger)}${KEY_AFTER_TRIGGER}`, 'g');
    triggerPatterns.set(trigger, pattern);
  }
  return pattern;
}

/**
 * Keys after `trigger` in `text`: only inside comments when `syntax` is given (code), anywhere when it
 * is null (plain prose, which has no comments).
 */
export function scanTrigger(text: string, trigger: string, syntax: CommentSyntax | null): KeySpan[] {
  const clean = trigger.trim();
  if (!clean || !text.includes(clean)) return [];
  const comments = syntax ? findComments(text, syntax) : null;
  const found: KeySpan[] = [];
  for (const match of text.matchAll(triggerPattern(clean))) {
    const span = comments ? commentAt(comments, match.index) : null;
    if (comments && (!span || match.index < span.contentStart || match.index >= span.contentEnd)) continue;
    found.push({ key: match[1], offset: match.index + clean.length, kind: 'citation' });
  }
  return found;
}
