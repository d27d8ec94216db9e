// License expressions (SPDX syntax: AND, OR, WITH, parentheses) resolved against the knowledge base and scored.
import parseSpdx from 'spdx-expression-parse';
import spdxExceptions from 'spdx-exceptions/index.json' with { type: 'json' };
import { distance } from 'fastest-levenshtein';
import {
  type Grant, type License, type ObligationKey, type Reading, type RightKey, type ScoredRightMap,
  OBLIGATIONS, RIGHT_KEYS, rightsPoints, weakerGrant,
} from './licenses.js';

export type LicenseTree =
  | { license: string; orLater?: boolean; exception?: string }
  | { conjunction: 'and' | 'or'; left: LicenseTree; right: LicenseTree };

export interface LicenseIndex {
  byId: ReadonlyMap<string, License>;
  /** Normalized alias (and id) → license id. */
  byAlias: ReadonlyMap<string, string>;
}

export type Resolution =
  | { ok: true; tree: LicenseTree; expression: string }
  | { ok: false; error: string; suggestions: string[] };

/** Alias matching ignores case, spaces and punctuation: "CC BY-SA-4.0" = "cc-by-sa-4.0". */
export function aliasKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9+]/g, '');
}

export interface AliasClash { alias: string; first: string; second: string }

export function buildLicenseIndex(licenses: Iterable<License>): { index: LicenseIndex; clashes: AliasClash[] } {
  const byId = new Map<string, License>();
  const byAlias = new Map<string, string>();
  const clashes: AliasClash[] = [];
  for (const license of licenses) {
    byId.set(license.id, license);
    for (const name of [license.id, ...(license.spdx ? [license.spdx] : []), ...license.aliases]) {
      const key = aliasKey(name);
      const owner = byAlias.get(key);
      if (owner && owner !== license.id) clashes.push({ alias: name, first: owner, second: license.id });
      else byAlias.set(key, license.id);
    }
  }
  return { index: { byId, byAlias }, clashes };
}

export function lookupLicense(name: string, index: LicenseIndex): License | undefined {
  const id = index.byAlias.get(aliasKey(name));
  return id === undefined ? undefined : index.byId.get(id);
}

/** Up to three license ids whose names come closest to `name`. */
export function suggestLicenses(name: string, index: LicenseIndex): string[] {
  const key = aliasKey(name);
  if (!key) return [];
  const scored = new Map<string, number>();
  for (const [alias, id] of index.byAlias) {
    const d = alias.startsWith(key) || key.startsWith(alias) ? Math.abs(alias.length - key.length) / 4 : distance(key, alias);
    if (d <= Math.max(2, key.length / 3) && (scored.get(id) ?? Infinity) > d) scored.set(id, d);
  }
  return [...scored].sort((a, b) => a[1] - b[1]).slice(0, 3).map(([id]) => id);
}

const OPERATORS = new Set(['AND', 'OR', 'WITH']);

/**
 * Limits on one expression, so that whatever validates also classifies quickly: no real model names more
 * than a handful of licenses, and these bounds keep every walk over the tree shallow and its work linear.
 */
export const EXPRESSION_LIMITS = { terms: 64, depth: 16, chars: 4096 } as const;

/** The SPDX exception ids a WITH may name. */
export const SPDX_EXCEPTIONS: readonly string[] = spdxExceptions;
const EXCEPTION_SET = new Set(SPDX_EXCEPTIONS);

/** An exception id after WITH that SPDX does not know, with the closest known ones. */
function unknownException(name: string): string {
  const near = SPDX_EXCEPTIONS.map((id) => [id, distance(name.toLowerCase(), id.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1]).slice(0, 3).map(([id]) => id);
  return `unknown exception "${name}" after WITH (an SPDX exception id; closest: ${near.join(', ')}; the ${SPDX_EXCEPTIONS.length} allowed ids are listed at https://spdx.org/licenses/exceptions-index.html)`;
}

/** The first limit the tokens break, as an error, or undefined. */
function overLimit(tokens: readonly string[]): string | undefined {
  let depth = 0;
  let terms = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '(') {
      if (++depth > EXPRESSION_LIMITS.depth) return `parentheses nest more than ${EXPRESSION_LIMITS.depth} deep (at most ${EXPRESSION_LIMITS.depth}; flatten the expression)`;
    } else if (token === ')') depth--;
    else if (!OPERATORS.has(token) && tokens[i - 1] !== 'WITH' && ++terms > EXPRESSION_LIMITS.terms) {
      return `names more than ${EXPRESSION_LIMITS.terms} licenses (at most ${EXPRESSION_LIMITS.terms} terms; list the licenses that apply, once each)`;
    }
  }
  return undefined;
}

/** Splits an expression into parentheses, operators and phrases; a phrase may be a multi-word alias ("Apache 2.0"). */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let phrase: string[] = [];
  const flush = () => { if (phrase.length) tokens.push(phrase.join(' ')); phrase = []; };
  for (const word of text.split(/(\(|\)|\s+)/)) {
    if (!word.trim()) continue;
    if (word === '(' || word === ')' || OPERATORS.has(word)) { flush(); tokens.push(word); } else phrase.push(word);
  }
  flush();
  return tokens;
}

/** Resolutions per index, kept for the texts seen most (a registry repeats a few dozen license strings). */
const RESOLVED = new WeakMap<LicenseIndex, Map<string, Resolution>>();
const RESOLVED_LIMIT = 2000;

/** Resolves a license string (an alias, an id, or an expression of them) into a tree of license ids. */
export function resolveLicense(text: string, index: LicenseIndex): Resolution {
  let memo = RESOLVED.get(index);
  if (!memo) RESOLVED.set(index, memo = new Map());
  const known = memo.get(text);
  if (known) return known;
  const resolution = resolveUncached(text, index);
  if (memo.size >= RESOLVED_LIMIT) memo.clear();
  memo.set(text, resolution);
  return resolution;
}

function resolveUncached(text: string, index: LicenseIndex): Resolution {
  if (text.length > EXPRESSION_LIMITS.chars) {
    return { ok: false, error: `the license expression is ${text.length} characters long (at most ${EXPRESSION_LIMITS.chars})`, suggestions: [] };
  }
  const whole = /[()]/.test(text) ? undefined : lookupLicense(text, index);
  if (whole) return { ok: true, tree: { license: whole.id }, expression: whole.id };

  const tokens = tokenize(text);
  const limit = overLimit(tokens);
  if (limit) return { ok: false, error: `the license expression ${limit}`, suggestions: [] };
  const placeholders: { id: string; orLater: boolean }[] = [];
  const parts: string[] = [];
  for (const token of tokens) {
    if (parts.at(-1) === 'WITH') {
      if (!EXCEPTION_SET.has(token)) return { ok: false, error: unknownException(token), suggestions: [] };
      parts.push(token);
      continue;
    }
    if (token === '(' || token === ')' || OPERATORS.has(token)) { parts.push(token); continue; }
    const orLater = token.endsWith('+') && !lookupLicense(token, index);
    const name = orLater ? token.slice(0, -1) : token;
    const license = lookupLicense(name, index);
    if (!license) {
      const suggestions = suggestLicenses(name, index);
      return { ok: false, error: `unknown license "${name}"${suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : ''}`, suggestions };
    }
    parts.push(`LicenseRef-howopen-${placeholders.length}`);
    placeholders.push({ id: license.id, orLater });
  }
  let ast: SpdxAst;
  try {
    ast = parseSpdx(parts.join(' ')) as SpdxAst;
  } catch (e) {
    const detail = e instanceof Error && !/Cannot read/.test(e.message) ? `: ${e.message.replace(/LicenseRef-howopen-\d+/g, '…')}` : '';
    return { ok: false, error: `"${text}" is not a valid license expression${detail} (use ids joined by AND, OR, WITH and parentheses)`, suggestions: [] };
  }
  const tree = fromAst(ast, placeholders);
  return { ok: true, tree, expression: formatTree(tree) };
}

type SpdxAst = { license: string; plus?: boolean; exception?: string } | { conjunction: 'and' | 'or'; left: SpdxAst; right: SpdxAst };

function fromAst(ast: SpdxAst, placeholders: { id: string; orLater: boolean }[]): LicenseTree {
  if ('conjunction' in ast) return { conjunction: ast.conjunction, left: fromAst(ast.left, placeholders), right: fromAst(ast.right, placeholders) };
  const slot = placeholders[Number(ast.license.slice('LicenseRef-howopen-'.length))];
  if (!slot) throw new Error(`internal: unmapped license ${ast.license}`);
  return { license: slot.id, ...(slot.orLater ? { orLater: true } : {}), ...(ast.exception ? { exception: ast.exception } : {}) };
}

export function formatTree(tree: LicenseTree, parent?: 'and' | 'or'): string {
  if ('license' in tree) return `${tree.license}${tree.orLater ? '+' : ''}${tree.exception ? ` WITH ${tree.exception}` : ''}`;
  const text = `${formatTree(tree.left, tree.conjunction)} ${tree.conjunction.toUpperCase()} ${formatTree(tree.right, tree.conjunction)}`;
  return parent && parent !== tree.conjunction ? `(${text})` : text;
}

export function licenseIds(tree: LicenseTree): string[] {
  return 'license' in tree ? [tree.license] : [...new Set([...licenseIds(tree.left), ...licenseIds(tree.right)])];
}

/** SPDX exceptions that widen a right; any other exception leaves the license's rights as they are. */
export const EXCEPTION_EFFECTS: Record<string, { right: RightKey; grant: Grant; clause: string }> = {
  'Classpath-exception-2.0': { right: 'other_license_derivative', grant: 'conditional', clause: 'Classpath exception: independent modules linked to the work may use any license' },
  'GCC-exception-3.1': { right: 'other_license_derivative', grant: 'conditional', clause: 'GCC runtime exception: code compiled with the runtime may use any license' },
  'LLVM-exception': { right: 'other_license_derivative', grant: 'yes', clause: 'LLVM exception: compiled forms need no attribution' },
};

export type ScoredRight = ScoredRightMap[RightKey];

export interface Evaluation {
  expression: string;
  /** The licenses that decided the result (the chosen alternative of every OR). */
  licenses: string[];
  rights: Record<RightKey, ScoredRight>;
  points: number;
  obligations: Partial<Record<ObligationKey, { license: string; text: string }[]>>;
  /** Sentences explaining how the expression was combined. */
  steps: string[];
}

/** A subtree's text as it reads inside its parent: parenthesised when the parent joins with the other operator. */
function inParent(tree: LicenseTree, text: string, parent: 'and' | 'or'): string {
  return 'conjunction' in tree && tree.conjunction !== parent ? `(${text})` : text;
}

/**
 * Scores a resolved expression: AND keeps the weakest grant of each right; OR takes the alternative worth more points.
 * Each node is scored once and its text built from its children's (no subtree is formatted or scored twice).
 */
export function evaluateTree(tree: LicenseTree, index: LicenseIndex, reading: Reading): Evaluation {
  if ('license' in tree) return evaluateLeaf(tree, index, reading);
  const left = evaluateTree(tree.left, index, reading);
  const right = evaluateTree(tree.right, index, reading);
  const expression = `${inParent(tree.left, left.expression, tree.conjunction)} ${tree.conjunction.toUpperCase()} ${inParent(tree.right, right.expression, tree.conjunction)}`;
  if (tree.conjunction === 'or') {
    const chosen = right.points > left.points ? right : left;
    const other = chosen === left ? right : left;
    return {
      ...chosen,
      expression,
      steps: [...chosen.steps, `${expression}: the licensee may choose; ${chosen.expression} (${chosen.points} points) is taken over ${other.expression} (${other.points} points).`],
    };
  }
  const rights = Object.fromEntries(RIGHT_KEYS.map((key) => {
    const a = left.rights[key];
    const b = right.rights[key];
    return [key, weakerGrant(a.grant, b.grant) === a.grant ? a : b];
  })) as Record<RightKey, ScoredRight>;
  const obligations: Evaluation['obligations'] = {};
  for (const { key } of OBLIGATIONS) {
    const list = [...(left.obligations[key] ?? []), ...(right.obligations[key] ?? [])];
    if (list.length) obligations[key] = list;
  }
  return {
    expression,
    licenses: [...new Set([...left.licenses, ...right.licenses])],
    rights,
    points: rightsPoints(rights, reading),
    obligations,
    steps: [...left.steps, ...right.steps, `${expression}: every part applies at once, so each right counts only if every part grants it.`],
  };
}

function evaluateLeaf(leaf: Extract<LicenseTree, { license: string }>, index: LicenseIndex, reading: Reading): Evaluation {
  const license = index.byId.get(leaf.license);
  if (!license) throw new Error(`unknown license id ${leaf.license}`);
  const rights = Object.fromEntries(RIGHT_KEYS.map((key) => [key, { ...license.rights[key], license: license.id }])) as Record<RightKey, ScoredRight>;
  const steps: string[] = [];
  if (leaf.orLater) steps.push(`${license.id}+ allows later versions; the rights of ${license.name} ${license.version} are scored.`);
  if (leaf.exception) {
    const effect = EXCEPTION_EFFECTS[leaf.exception];
    if (effect && weakerGrant(rights[effect.right].grant, effect.grant) !== effect.grant) {
      rights[effect.right] = { grant: effect.grant, clause: effect.clause, license: leaf.exception };
      steps.push(`${leaf.exception} widens the ${effect.right.replace(/_/g, ' ')} right to ${effect.grant}.`);
    } else {
      steps.push(`${leaf.exception} does not change any of the five rights; ${license.id}'s rights are scored.`);
    }
  }
  const obligations: Evaluation['obligations'] = {};
  for (const { key } of OBLIGATIONS) {
    const value = license.obligations[key];
    if (value) obligations[key] = [{ license: license.id, text: value }];
  }
  return { expression: formatTree(leaf), licenses: [license.id], rights, points: rightsPoints(rights, reading), obligations, steps };
}
