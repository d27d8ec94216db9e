// Resolution of a record into the facts one release had at one date: variant overrides, then dated history.
import { closest } from 'fastest-levenshtein';
import type { ComponentEntry, ComponentState, ModelRecord, Variant } from './model.js';
import type { Registry } from './registry.js';

/** Which release a resolved record stands for. */
export interface VariantInfo {
  /** The record (family) id. */
  of: string;
  /** The variant id, the part after `@`. */
  id: string;
  /** The flagship: the variant the bare record id stands for. */
  flagship: boolean;
  /** False when the bare id was given and the flagship was read for it. */
  explicit: boolean;
}

/** A component whose facts at the as-of date differ from today's. */
export interface FactChange {
  key: string;
  /** The date the state read ended (the next state took effect). */
  until: string;
  state: ComponentState;
}

export interface Resolved {
  /** The facts of one release at one date, in the flat record shape every reader takes (no variants). */
  record: ModelRecord;
  /** The registry record it came from. */
  source: ModelRecord;
  variant: VariantInfo | null;
  /** The date the facts were read at; null means today's facts (the entries' current states). */
  asOf: string | null;
  /** The components read from an earlier state than today's. */
  changes: FactChange[];
}

export interface ResolveOptions {
  /** A variant id of the record; without it the flagship is read. */
  variant?: string;
  /** ISO date (YYYY-MM-DD): read each component's state in force on that date. */
  asOf?: string;
}

/** `qwen2.5@72b` → { id: 'qwen2.5', variant: '72b' }. */
export function parseModelRef(ref: string): { id: string; variant?: string } {
  const at = ref.indexOf('@');
  return at < 0 ? { id: ref } : { id: ref.slice(0, at), variant: ref.slice(at + 1) };
}

/** The id a release is named by: the record id, with `@variant` when one was asked for. */
export function refOf(resolved: Resolved): string {
  return resolved.variant?.explicit ? `${resolved.variant.of}@${resolved.variant.id}` : resolved.source.id;
}

/** The state of a component entry on a date: the first earlier state whose `until` is after it, else the entry. */
export function stateAt(entry: ComponentEntry, asOf: string): { entry: ComponentEntry; from: ComponentState | null } {
  for (const state of entry.history ?? []) {
    if (asOf < state.until) {
      const facts: ComponentEntry = { ...state, history: entry.history };
      delete (facts as Partial<ComponentState>).until;
      return { entry: facts, from: state };
    }
  }
  return { entry, from: null };
}

export function variantOf(record: ModelRecord, id: string): Variant | undefined {
  return record.variants?.find((v) => v.id === id);
}

/**
 * One release of a record at one date. A variant's component entry replaces the record's whole, because
 * an entry's license, evidence and history belong together; then each entry is read at the date.
 * Throws on a variant the record does not have (a registry that validated never has a bad flagship).
 */
export function resolveModel(source: ModelRecord, options: ResolveOptions = {}): Resolved {
  const variantId = options.variant ?? source.flagship;
  const variant = variantId === undefined ? undefined : variantOf(source, variantId);
  if (variantId !== undefined && !variant) throw new Error(`${source.id} has no variant "${variantId}"`);
  const record: ModelRecord = { ...source, components: { ...source.components } };
  delete record.variants;
  delete record.flagship;
  if (variant) {
    if (options.variant !== undefined) {
      record.id = `${source.id}@${variant.id}`;
      record.name = variant.name ?? `${source.name} ${variant.id}`;
    }
    if (variant.released) record.released = variant.released;
    if (variant.links) record.links = { ...source.links, ...variant.links };
    if (variant.notes) record.notes = source.notes ? `${variant.notes} ${source.notes}` : variant.notes;
    if (variant.training_compute) record.training_compute = variant.training_compute;
    if (variant.monetised !== undefined) record.monetised = variant.monetised;
    for (const [key, entry] of Object.entries(variant.components ?? {})) if (entry) record.components[key] = entry;
  }
  const changes: FactChange[] = [];
  if (options.asOf !== undefined) {
    for (const [key, entry] of Object.entries(record.components)) {
      const { entry: then, from } = stateAt(entry, options.asOf);
      record.components[key] = then;
      if (from) changes.push({ key, until: from.until, state: from });
    }
  }
  return {
    record, source, asOf: options.asOf ?? null, changes,
    variant: variant ? { of: source.id, id: variant.id, flagship: variant.id === source.flagship, explicit: options.variant !== undefined } : null,
  };
}

/** Every release of a record (the flagship first), or the record alone when it lists none. */
export function releasesOf(source: ModelRecord, asOf?: string): Resolved[] {
  if (!source.variants) return [resolveModel(source, { ...(asOf ? { asOf } : {}) })];
  const ordered = [...source.variants].sort((a, b) => Number(b.id === source.flagship) - Number(a.id === source.flagship));
  return ordered.map((v) => resolveModel(source, { variant: v.id, ...(asOf ? { asOf } : {}) }));
}

/** Whether a release was out on a date; records give the month only, so a release counts from its month's first day. */
export function releasedBy(record: ModelRecord, asOf: string): boolean {
  return record.released <= asOf.slice(0, 7);
}

export type Lookup =
  | { ok: true; resolved: Resolved }
  | { ok: false; error: string; didYouMean?: string };

/** A model reference (`id` or `id@variant`) read against the registry, at a date when one is given. */
export function lookupModel(registry: Registry, ref: string, asOf?: string): Lookup {
  const { id, variant } = parseModelRef(ref);
  const source = registry.model(id);
  if (!source) {
    const guess = registry.models.length ? closest(id, registry.models.map((m) => m.id)) : undefined;
    return { ok: false, error: `no model "${id}" in the registry${guess ? ` (did you mean ${guess}?)` : ''}`, ...(guess ? { didYouMean: guess } : {}) };
  }
  if (variant !== undefined) {
    const ids = (source.variants ?? []).map((v) => v.id);
    if (!ids.includes(variant)) {
      const guess = ids.length ? closest(variant, ids) : undefined;
      const known = ids.length ? `its variants are ${ids.join(', ')}` : 'it lists no variants';
      return { ok: false, error: `model "${id}" has no variant "${variant}" (${known})`, ...(guess ? { didYouMean: `${id}@${guess}` } : {}) };
    }
  }
  const resolved = resolveModel(source, { ...(variant !== undefined ? { variant } : {}), ...(asOf ? { asOf } : {}) });
  if (asOf && !releasedBy(resolved.record, asOf)) {
    return { ok: false, error: `${ref} was not released as of ${asOf} (released ${resolved.record.released})` };
  }
  return { ok: true, resolved };
}

/** How a resolved release is named in output: "qwen2.5 (the flagship, qwen2.5@72b)". */
export function describeRelease(resolved: Resolved): string {
  const v = resolved.variant;
  if (!v) return resolved.record.id;
  if (!v.explicit) return `${v.of}: the flagship, ${v.of}@${v.id}; other variants: ${(resolved.source.variants ?? []).filter((x) => x.id !== v.id).map((x) => `${v.of}@${x.id}`).join(', ') || 'none'}`;
  return `${v.of}@${v.id}${v.flagship ? ' (the flagship)' : ''}`;
}
