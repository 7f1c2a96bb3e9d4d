/** Words too common in ML abstracts and English to help a search; dropped from index and queries. */
export const STOPWORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into ' +
    'is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some ' +
    'such than that the their theirs them then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours via using use used based new paper propose proposed show shows ' +
    'however thus therefore moreover furthermore well may might must us one two often across within without among upon whether yet')
    .split(' '),
);

const SUFFIXES = ['izations', 'ization', 'isation', 'ational', 'ations', 'ation', 'izing', 'ising', 'ized', 'ised', 'izes', 'ises', 'ize', 'ise', 'ings', 'ing', 'ers', 'ies', 'ed', 'es', 's'];

/**
 * A light English stemmer, so that "quantized", "quantizing" and "quantization" meet at "quantiz".
 * It only strips a handful of suffixes and keeps at least four letters, so acronyms ("moe", "awq")
 * and short words are left alone.
 */
export function stem(term: string): string {
  if (term.length <= 4 || /\d/.test(term)) return term;
  for (const suffix of SUFFIXES) {
    if (term.endsWith(suffix) && term.length - suffix.length >= 4) {
      if (suffix === 's' && /(ss|us|is)$/.test(term)) return term;
      if (suffix === 'ies') return `${term.slice(0, -3)}y`;
      return term.slice(0, -suffix.length);
    }
  }
  return term;
}

/** Index and query terms: lowercased, diacritics folded, stopwords dropped, stemmed. */
export function processTerm(term: string): string | null {
  const folded = term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (folded.length === 0 || STOPWORDS.has(folded)) return null;
  return stem(folded);
}

/** Splits text into words: letters and digits, so hyphens, LaTeX and punctuation separate terms. */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The short name a paper goes by, as a user would type it: the part of the title before a colon with
 * LaTeX and punctuation removed ("S$^{2}$FT: ..." -> "s2ft", "LQ-LoRA: ..." -> "lqlora"), or "" when
 * the title has no such name.
 */
export function paperNickname(title: string): string {
  const colon = title.indexOf(':');
  if (colon <= 0 || colon > 40) return '';
  return title
    .slice(0, colon)
    .replace(/\\[a-zA-Z]+/g, '')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();
}
