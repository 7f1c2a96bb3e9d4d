import type { Paper, TopicRule, TopicTerm } from '../types';
import { isCleanText } from '../cleanText';
import { isIsoCalendarDate } from './dates';
import { CITATION_KEY } from '../citations/citationKey';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const KEY = CITATION_KEY;
const URL = /^https?:\/\//;
/** id, key, title, abstract, published, upvotes, authorsCount, organization, topics, links, sources (and aliases) */
const PAPER_FIELDS = 11;

/**
 * The paper rules of `paperSchema`, checked by hand. Activation runs this on every bundled paper:
 * it is an order of magnitude faster than zod on a cold start, and zod still runs (for its messages)
 * on any paper this rejects. It must never accept what `paperSchema` rejects; a property test holds
 * the two together. Returns the paper with only the known fields, as zod does: the value itself when it
 * has no others (as JSON.parse makes it), else a copy.
 */
export function checkPaperFast(value: unknown): Paper | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isString(v.id) || !SLUG.test(v.id) || !isString(v.key) || !KEY.test(v.key)) return null;
  if (!isString(v.title) || v.title.length === 0 || !isCleanText(v.title)) return null;
  if (!isString(v.abstract) || !isCleanText(v.abstract, { multiline: true })) return null;
  if (v.published !== null && (!isString(v.published) || !isIsoCalendarDate(v.published))) return null;
  if (v.upvotes !== null && !(isInteger(v.upvotes) && (v.upvotes as number) >= 0)) return null;
  if (v.authorsCount !== null && !(isInteger(v.authorsCount) && (v.authorsCount as number) > 0)) return null;
  if (v.organization !== null && (!isString(v.organization) || v.organization.length === 0 || !isCleanText(v.organization))) return null;
  if (!isStringArray(v.topics) || !isStringArray(v.sources) || !isStringArray(v.links)) return null;
  if (!(v.links as string[]).every((link) => URL.test(link))) return null;
  const hasAliases = v.aliases !== undefined;
  if (hasAliases && !(isStringArray(v.aliases) && (v.aliases as string[]).every((alias) => KEY.test(alias)))) return null;
  // Straight from JSON.parse with exactly the known fields: already the shape zod would return, so no copy
  // (activation checks every bundled paper). Anything else gets a copy of the known fields only.
  if (Object.keys(v).length === PAPER_FIELDS + (hasAliases ? 1 : 0) && isPlainObject(v)) return v as unknown as Paper;
  return {
    id: v.id,
    key: v.key,
    ...(hasAliases ? { aliases: [...(v.aliases as string[])] } : {}),
    title: v.title,
    abstract: v.abstract,
    published: v.published as string | null,
    upvotes: v.upvotes as number | null,
    authorsCount: v.authorsCount as number | null,
    organization: v.organization as string | null,
    topics: [...(v.topics as string[])],
    links: [...(v.links as string[])],
    sources: [...(v.sources as string[])],
  };
}

function isPlainObject(value: object): boolean {
  return Object.getPrototypeOf(value) === Object.prototype;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** An array of one-line strings that `cleanText` leaves alone. */
function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => isString(item) && isCleanText(item));
}

const ICON = /^[a-z0-9-]+$/;

/** The rules of `topicRuleSchema`, checked by hand like `checkPaperFast`; null when zod must have its say. */
export function checkTopicFast(value: unknown): TopicRule | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isString(v.name) || v.name.trim().length === 0 || v.name.trim().length > 80 || !isCleanText(v.name)) return null;
  if (!isString(v.icon) || !ICON.test(v.icon) || !isString(v.description) || v.description.length > 300 || !isCleanText(v.description)) return null;
  if (!Array.isArray(v.terms) || v.terms.length > 500) return null;
  const terms: TopicTerm[] = [];
  for (const term of v.terms as unknown[]) {
    if (typeof term !== 'object' || term === null || Array.isArray(term)) return null;
    const t = term as Record<string, unknown>;
    if (!isString(t.match) || t.match.length === 0 || t.match.length > 200) return null;
    if (typeof t.weight !== 'number' || !Number.isFinite(t.weight) || t.weight < -10 || t.weight > 10) return null;
    if (t.regex !== undefined && typeof t.regex !== 'boolean') return null;
    terms.push(t.regex === undefined ? { match: t.match, weight: t.weight } : { match: t.match, weight: t.weight, regex: t.regex });
  }
  return { name: v.name.trim(), icon: v.icon, description: v.description, terms };
}
