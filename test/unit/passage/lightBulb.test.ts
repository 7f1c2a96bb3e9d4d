// The light bulb offers "Cite a paper about this…" only where a citation would fit (issue 20).
import assert from 'node:assert/strict';
import { lightBulbPassage } from '../../../src/core/passage/lightBulb';

const CURSOR = '‸';
const SELECTION = /«([^»]*)»/;

/** Whether the light bulb shows at the `‸` (or for the `«selection»`) in `marked`. */
function shows(marked: string, languageId: string): boolean {
  const selected = SELECTION.exec(marked);
  if (selected) {
    const text = marked.replace(SELECTION, '$1');
    return lightBulbPassage({ text, languageId, cursor: selected.index, selection: { start: selected.index, end: selected.index + selected[1].length } }) !== null;
  }
  const at = marked.indexOf(CURSOR);
  return lightBulbPassage({ text: marked.replace(CURSOR, ''), languageId, cursor: at }) !== null;
}

const BIB = `@article{hu2021lora,
  title = {LoRA: Low-Rank Adaptation of Large Language Models},
  author = {Hu, Edward and Shen, Yelong},
  year = {2021}
}
‸
@inproceedings{dettmers2023qlora,
  title = {QLoRA: Efficient Finetuning of Quantized Language Models},
  year = {2023}
}
`;

describe('light bulb: only where a citation would fit', () => {
  it('shows in a prose paragraph of Markdown, LaTeX and plain text, on any of its lines', () => {
    const paragraph = 'Low-rank adapters fine-tune large language models by training small matrices\nbeside frozen weights, which keeps memory low‸ during training.';
    assert.ok(shows(paragraph, 'markdown'));
    assert.ok(shows(`\\section{Method}\n${paragraph}`, 'latex'));
    assert.ok(shows(paragraph, 'plaintext'));
    assert.ok(shows(`‸${paragraph.replace(CURSOR, '')}`, 'markdown'), 'at the start of its first line');
  });

  it('never shows on a blank line, however close a paragraph is', () => {
    const text = 'Low-rank adapters fine-tune large language models by training small matrices beside frozen weights.\n‸\nQuantized weights keep memory low.';
    assert.ok(!shows(text, 'markdown'));
    assert.ok(!shows(text.replace(CURSOR, '   ‸  '), 'markdown'), 'a line of spaces');
    assert.ok(!shows(`${text.replace(CURSOR, '')}\n\n‸`, 'latex'), 'after the last paragraph');
  });

  it('never shows in a BibTeX database: not between entries, not in one', () => {
    assert.ok(!shows(BIB, 'bibtex'));
    assert.ok(!shows(BIB.replace(CURSOR, '').replace('Low-Rank Adaptation', 'Low-Rank ‸Adaptation'), 'bibtex'));
  });

  it('shows in a code comment with enough words, not in a short one, and not in the code around it', () => {
    const python = 'def backoff(attempt):\n    # Retries back off exponentially, since the numbers came from load‸ tests on shared clusters.\n    return min(60.0, 0.5 * 2 ** attempt)\n';
    assert.ok(shows(python, 'python'));
    assert.ok(!shows(python.replace(CURSOR, '').replace('return min', 'return ‸min'), 'python'), 'in the code below the comment');
    assert.ok(!shows('x = 1  # tune‸ this\n', 'python'), 'two words');
    assert.ok(shows('# quantize‸ the weights to four bits\nw = 1\n', 'python'));
    assert.ok(!shows('// eslint-disable-next-line‸ no-console\nconsole.log(x);\n', 'typescript'), 'a directive');
    assert.ok(!shows('// TODO: remove after‸ the migration\n', 'typescript'), 'a note to self');
    assert.ok(!shows('# -*- coding: utf-8‸ -*-\n', 'python'), 'an encoding line');
    assert.ok(!shows('const a = 1;‸\nconst b = 2;\n', 'typescript'), 'no comment at all');
  });

  it('shows for a selection of a few words in prose or in a comment, not for a selection of code', () => {
    assert.ok(shows('We use «low-rank adapters» throughout.', 'markdown'));
    assert.ok(shows('# uses «low-rank adapters» here\nx = 1\n', 'python'));
    assert.ok(!shows('# uses low-rank adapters here\n«model.lora_rank» = 8\n', 'python'), 'an identifier');
    assert.ok(!shows('We use «the» rest.', 'markdown'), 'a stop word');
  });

  it('shows in Markdown only outside code fences and headings', () => {
    const fenced = '```python\n# Retries back off exponentially since the numbers came from load‸ tests\n```\n';
    assert.ok(!shows(fenced, 'markdown'));
    assert.ok(!shows('## Low-rank adapters fine-tune large language models with small‸ matrices\n', 'markdown'));
  });
});
