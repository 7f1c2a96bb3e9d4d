// A synthetic Better-BibTeX-like library for the library benchmarks (issue 19): entries laid out as
// Better BibTeX's auto-export writes them (protective double braces, `author` lists with accents as
// `{\"u}` and `{\L}`, month macros, `doi`, `eprint` + `archiveprefix`, `urldate`, `file`, `langid`,
// `keywords`), with titles and abstracts made from the real papers (`syntheticCorpus`), half of them
// with an abstract. Seeded, so every run writes the same text.
import type { Paper } from '../src/core/types';
import { seededRandom } from '../evaluation/seededRandom';
import { syntheticCorpus } from './synthetic';

const FAMILIES = ['Vaswani', 'M{\\"u}ller', 'Garc{\\\'\\i}a', '{\\L}ukasiewicz', 'Shazeer', 'Dettmers', 'Hu', 'Zhang', 'Wang', 'Li', 'Chen',
  'Liu', 'Smith', 'Nguyen', 'Kim', 'Park', 'Brown', 'Kaiser', 'O{\\v{s}}lejšek', 'Dupont', 'Sch{\\"o}lkopf', 'Bengio', 'Hinton', 'LeCun',
  'Sutskever', 'Karpathy', 'Ng', 'Jordan', 'Bach', 'Koller', 'Fei-Fei', 'Goodfellow', 'Ravi', 'Kumar', 'Singh', 'Gupta', 'Tanaka', 'Suzuki'];
const GIVEN = ['Ashish', 'J{\\"o}rg', 'Mar{\\\'\\i}a', 'Jan', 'Noam', 'Tim', 'Edward J.', 'Wei', 'Yu', 'Jie', 'Ana', 'Lukas', 'Sara',
  'Minh', 'Ji-Hoon', 'Tom B.', 'Fran{\\c{c}}ois', 'Bernhard', 'Yoshua', 'Geoffrey', 'Ilya', 'Andrej', 'Andrew Y.', 'Michael I.'];
const VENUES = ['Advances in {{Neural Information Processing Systems}}', 'International {{Conference}} on {{Learning Representations}}',
  'Proceedings of the 40th {{International Conference}} on {{Machine Learning}}', 'Findings of the {{Association}} for {{Computational Linguistics}}'];
const JOURNALS = ['Journal of {{Machine Learning Research}}', 'Transactions on {{Machine Learning Research}}', 'Nature Machine Intelligence'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The text of a `.bib` file of `count` entries, and each entry's key, in order. */
export interface SyntheticLibrary {
  text: string;
  keys: string[];
  /** Each entry's title as the library's reader gives it (plain text), in order. */
  titles: string[];
  /** The family name of each entry's first author, as plain text. */
  firstAuthors: string[];
}

/** A Better-BibTeX-like library of `count` entries made from `real` (see the file comment). */
export function betterBibtexLibrary(real: readonly Paper[], count: number, seed = 19): SyntheticLibrary {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const papers = syntheticCorpus(real, count + real.length, seed).slice(real.length);
  const parts: string[] = [];
  const keys: string[] = [];
  const titles: string[] = [];
  const firstAuthors: string[] = [];
  papers.forEach((paper, index) => {
    const year = 2012 + Math.floor(random() * 14);
    const authors = Array.from({ length: 1 + Math.floor(random() * 7) }, () => `${pick(FAMILIES)}, ${pick(GIVEN)}`);
    const first = authors[0].split(',')[0];
    const titleWords = paper.title.replace(/[{}\\$%#&_^~]/g, '').split(/\s+/).filter(Boolean);
    const key = `${first.replace(/[^A-Za-z]/g, '').toLowerCase()}${titleWords.slice(0, 3).map((word) => word.replace(/[^A-Za-z0-9]/g, '')).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}${year}_${index}`;
    const title = titleWords.join(' ');
    const arxiv = random() < 0.4 ? `${String(year % 100).padStart(2, '0')}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}.${String(10000 + index).slice(-5)}` : null;
    const conference = random() < 0.6;
    const fields: string[] = [
      `  title = {${title.replace(/\b([A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\b/g, '{{$1}}')}}`,
      conference ? `  booktitle = {${pick(VENUES)}}` : `  journal = {${pick(JOURNALS)}}`,
      `  author = {${authors.join(' and ')}${random() < 0.05 ? ' and others' : ''}}`,
      `  year = {${year}}`,
      `  month = ${pick(MONTHS)}`,
    ];
    if (random() < 0.7) fields.push(`  doi = {10.${4000 + Math.floor(random() * 5000)}/${key.toLowerCase()}}`);
    if (arxiv) fields.push(`  eprint = {${arxiv}}`, '  archiveprefix = {arXiv}', '  primaryclass = {cs}');
    fields.push(`  urldate = {2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}}`);
    if (index % 2 === 0) fields.push(`  abstract = {${paper.abstract.replace(/[{}]/g, '').replace(/([%&#_])/g, '\\$1').replace(/\\\\/g, '')}}`);
    fields.push(`  file = {/home/ana/Zotero/storage/${key.slice(0, 8).toUpperCase()}/${title.slice(0, 40)}.pdf}`, `  keywords = {${paper.topics.join(',')}}`, '  langid = {english}');
    parts.push(`@${conference ? 'inproceedings' : 'article'}{${key},\n${fields.join(',\n')}\n}\n`);
    keys.push(key);
    titles.push(title);
    firstAuthors.push(first);
  });
  return { text: parts.join('\n'), keys, titles, firstAuthors };
}
