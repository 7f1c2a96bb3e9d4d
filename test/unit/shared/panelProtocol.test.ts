import assert from 'node:assert/strict';
import { panelStateSchema, webviewMessageSchema } from '../../../src/shared/panelProtocol';
import { CITATION_FORMATS } from '../../../src/core/citations/formats';

describe('shared: the panel message protocol', () => {
  it('accepts the messages the webview sends', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'openLink', url: 'https://github.com/x/y' },
      { type: 'openPaper', paperId: 'a-paper' },
      { type: 'insertCitation', paperId: 'a-paper' },
      { type: 'insertCitation', paperId: 'a-paper', format: 'bibtex' },
      { type: 'copyCitation', paperId: 'a-paper', format: 'comment' },
      { type: 'revealTopic', topic: 'Quantization' },
      { type: 'copyCitation', paperId: 'a-paper', format: 'template:Short ref' },
      { type: 'openCitation', paperId: 'a-paper', uri: 'file:///w/notes.md', line: 3, column: 14 },
      { type: 'navigate', direction: 'back' },
      { type: 'navigate', direction: 'forward' },
    ]) assert.ok(webviewMessageSchema.safeParse(message).success, JSON.stringify(message));
  });

  it('rejects unknown, malformed and padded messages', () => {
    for (const message of [
      null, 'ready', 42, [], {}, { type: 'eval', code: 'alert(1)' }, { type: 'openLink' }, { type: 'openLink', url: 7 },
      { type: 'insertCitation', paperId: 'a', format: 'Bad Format!' }, { type: 'copyCitation', paperId: 'a', format: 'template:' }, { type: 'ready', extra: true },
      { type: 'openPaper', paperId: '' }, { type: 'navigate' }, { type: 'navigate', direction: 'up' }, { type: 'navigate', direction: 'back', to: 'x' },
      { type: 'openCitation', paperId: 'a', uri: 'file:///w/a.md', line: 0, column: 1 }, { type: 'openCitation', paperId: 'a', uri: '', line: 1, column: 1 },
      { type: 'openCitation', paperId: 'a', uri: 'file:///w/a.md', line: 1.5, column: 1 }, { type: 'openCitation', paperId: 'a', uri: 'file:///w/a.md', line: '1', column: 1 }, { type: '__proto__' }, JSON.parse('{"type":"ready","__proto__":{"x":1}}'),
    ]) assert.ok(!webviewMessageSchema.safeParse(message).success, JSON.stringify(message));
  });

  it('knows every built-in citation format', () => {
    for (const { id } of CITATION_FORMATS) assert.ok(webviewMessageSchema.safeParse({ type: 'copyCitation', paperId: 'a', format: id }).success, id);
  });

  it('validates restored panel state, with the papers it can go back and forward to', () => {
    assert.ok(panelStateSchema.safeParse({ paperId: 'a' }).success);
    assert.ok(panelStateSchema.safeParse({ paperId: 'a', back: ['b', 'c'], forward: [] }).success);
    for (const state of [undefined, null, {}, { paperId: 3 }, 'a', { paperId: 'a', back: 'b' }, { paperId: 'a', back: [''] }, { paperId: 'a', forward: Array.from({ length: 51 }, () => 'x') }]) {
      assert.ok(!panelStateSchema.safeParse(state).success, String(JSON.stringify(state)).slice(0, 80));
    }
  });
});
