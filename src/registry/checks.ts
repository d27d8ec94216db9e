// Checks across fields and records that a schema cannot express: ids, license references, statuses by kind.
import { type LicenseIndex, type AliasClash, resolveLicense } from '../core/expression.js';
import type { License } from '../core/licenses.js';
import type { ComponentEntry, ComponentState, ModelRecord } from '../core/model.js';
import { STATUSES, STATUS_LEVEL, component } from '../core/taxonomy.js';
import type { Locator } from './parse.js';
import type { Problem } from './problem.js';
import { ARTIFACT_KEYS, DOCUMENT_KEYS } from './schema.js';

export interface Located<T> { file: string; value: T; locate: Locator }

function at(item: Located<unknown>, path: (string | number)[], message: string, key = false): Problem {
  return { file: item.file, ...item.locate.at(path, key), field: path.join('.'), message };
}

export function checkFileName(item: Located<{ id: string }>, stem: string): Problem[] {
  return item.value.id === stem ? [] : [at(item, ['id'], `id "${item.value.id}" does not match the file name "${stem}" (rename the file or the id)`)];
}

export function checkDuplicateIds(items: readonly Located<{ id: string }>[]): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const item of items) {
    const first = seen.get(item.value.id);
    if (first) problems.push(at(item, ['id'], `duplicate id "${item.value.id}" (also in ${first})`));
    else seen.set(item.value.id, item.file);
  }
  return problems;
}

export function checkAliasClashes(clashes: readonly AliasClash[], licenses: readonly Located<License>[]): Problem[] {
  const byId = new Map(licenses.map((l) => [l.value.id, l]));
  return clashes.map((c) => {
    const item = byId.get(c.second)!;
    const i = item.value.aliases.indexOf(c.alias);
    return at(item, i >= 0 ? ['aliases', i] : ['id'], `"${c.alias}" already names license ${c.first}; an alias must name one license`);
  });
}

export interface ModelCheckOptions {
  /**
   * A record of a registry (not a draft): every public or api component, document and artifact
   * must cite its evidence, as docs/RECORDS.md requires; the audit's quality check asks the same.
   */
  registryRecord?: boolean;
}

/** Every model-level rule that needs the license index or the taxonomy. */
export function checkModel(item: Located<ModelRecord>, index: LicenseIndex, options: ModelCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  if (options.registryRecord) problems.push(...checkEvidence(item));
  for (const [key, entry] of Object.entries(item.value.components)) problems.push(...checkEntry(item, ['components', key], key, entry, index));
  problems.push(...checkVariants(item, index));
  return problems;
}

type Path = (string | number)[];

/** One component entry, its earlier states included: statuses by kind, licenses, hints, dates in order. */
function checkEntry(item: Located<ModelRecord>, path: Path, key: string, entry: ComponentEntry | ComponentState, index: LicenseIndex): Problem[] {
  const problems = checkState(item, path, key, entry, index);
  const history = 'history' in entry ? entry.history ?? [] : [];
  history.forEach((state, i) => {
    problems.push(...checkState(item, [...path, 'history', i], key, state, index));
    const previous = history[i - 1];
    if (previous && state.until <= previous.until) {
      problems.push(at(item, [...path, 'history', i, 'until'], `history dates must rise: ${state.until} is not after ${previous.until} (list earlier states oldest first)`));
    }
  });
  return problems;
}

function checkState(item: Located<ModelRecord>, path: Path, key: string, entry: ComponentEntry | ComponentState, index: LicenseIndex): Problem[] {
  const problems: Problem[] = [];
  const def = component(key)!;
  if (STATUS_LEVEL[entry.status][def.kind] === null) {
    problems.push(at(item, [...path, 'status'], `status "${entry.status}" is for data components only (a ${def.kind} component has no API level; use closed or public)`));
  }
  if (entry.license !== undefined) {
    if (entry.status !== 'public') problems.push(at(item, [...path, 'license'], `a license only counts on a public component (status is ${entry.status})`));
    const resolved = resolveLicense(entry.license, index);
    if (!resolved.ok) problems.push(at(item, [...path, 'license'], resolved.error));
  }
  if (entry.hint !== undefined && entry.status !== 'unknown') {
    problems.push(at(item, [...path, 'hint'], `a hint goes with status unknown only (status is ${entry.status})`));
  }
  if (entry.hint !== undefined && /[CD]/.test(entry.hint) && !entry.hint.split('-').every((h) => !/[CD]/.test(h) || h.startsWith(def.kind === 'code' ? 'C' : 'D'))) {
    problems.push(at(item, [...path, 'hint'], `hint "${entry.hint}" uses the other kind's letter (${def.kind} levels are ${def.kind === 'code' ? 'C1–C5' : 'D1–D5'})`));
  }
  return problems;
}

/** Variants: unique ids, a flagship that names one of them, and their entries checked like the record's. */
function checkVariants(item: Located<ModelRecord>, index: LicenseIndex): Problem[] {
  const { variants, flagship } = item.value;
  const problems: Problem[] = [];
  if (!variants) {
    if (flagship !== undefined) problems.push(at(item, ['flagship'], 'flagship names a variant, but the record lists no variants (add variants or remove flagship)'));
    return problems;
  }
  const ids = variants.map((v) => v.id);
  if (flagship === undefined) problems.push(at(item, ['variants'], `a record with variants names its flagship, the variant the bare id stands for (add flagship: one of ${ids.join(', ')})`, true));
  else if (!ids.includes(flagship)) problems.push(at(item, ['flagship'], `flagship "${flagship}" is not one of the variants (${ids.join(', ')})`));
  variants.forEach((v, i) => {
    if (ids.indexOf(v.id) !== i) problems.push(at(item, ['variants', i, 'id'], `duplicate variant id "${v.id}"`));
    for (const [key, entry] of Object.entries(v.components ?? {})) {
      if (entry) problems.push(...checkEntry(item, ['variants', i, 'components', key], key, entry, index));
    }
  });
  return problems;
}

const BAGS = ['components', 'documentation', 'artifacts'] as const;

function checkEvidence(item: Located<ModelRecord>): Problem[] {
  const problems: Problem[] = [];
  for (const bag of BAGS) {
    for (const [key, entry] of Object.entries(item.value[bag] ?? {})) {
      if (!entry || (entry.status !== 'public' && entry.status !== 'api') || entry.evidence?.length) continue;
      const what = bag === 'components' ? 'component' : bag === 'documentation' ? 'document' : 'artifact';
      problems.push(at(item, [bag, key, 'status'], `${entry.status === 'api' ? 'an api' : 'a public'} ${what} needs evidence: add evidence: [https://…] with the page that shows it (a registry record cites every public or api entry)`));
    }
  }
  return problems;
}

/**
 * The model rules on a record that failed its schema: the entries whose own shape is sound are checked,
 * so one run reports the schema's problems and the license, status and evidence problems together.
 * The schema has already reported everything it skips.
 */
export function checkModelData(file: string, data: Record<string, unknown>, locate: Locator, index: LicenseIndex, options: ModelCheckOptions = {}): Problem[] {
  const sound = (bag: Record<string, unknown> | undefined, known: (key: string) => boolean) => Object.fromEntries(Object.entries(isObject(bag) ? bag : {}).flatMap(([key, e]) => {
    if (!known(key) || !isObject(e) || !(STATUSES as readonly unknown[]).includes(e.status)) return [];
    const entry: Record<string, unknown> = { status: e.status };
    if (typeof e.license === 'string') entry.license = e.license;
    if (typeof e.hint === 'string') entry.hint = e.hint;
    if (Array.isArray(e.evidence)) entry.evidence = e.evidence;
    return [[key, entry]];
  }));
  const record = {
    components: sound(data.components as Record<string, unknown>, (k) => component(k) !== undefined),
    documentation: sound(data.documentation as Record<string, unknown>, (k) => (DOCUMENT_KEYS as readonly string[]).includes(k)),
    artifacts: sound(data.artifacts as Record<string, unknown>, (k) => (ARTIFACT_KEYS as readonly string[]).includes(k)),
  } as unknown as ModelRecord;
  return checkModel({ file, value: record, locate }, index, options);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
