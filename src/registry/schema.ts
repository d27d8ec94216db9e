// The validation schema of registry records (zod); the editors' JSON Schema is generated from it.
import { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import { GRANTS, LICENSE_KINDS, OBLIGATIONS, RIGHT_KEYS } from '../core/licenses.js';
import { COMPONENT_KEYS, STATUSES } from '../core/taxonomy.js';

const url = z.httpUrl({ error: 'must be an http(s) URL' });
const yearMonth = z.string({ error: 'must be a year-month such as "2023-07"' })
  .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, { error: 'must be a year-month such as "2023-07"' });
const date = z.string({ error: 'must be a date such as "2026-11-22"' })
  .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'must be a date such as "2026-11-22"' })
  // The one date check the API and the CLI use too: 2026-02-30 is no date.
  .refine(isIsoDate, { error: 'must be a real calendar date such as "2026-11-22" (that day does not exist)' });
const text = z.string().min(1, { error: 'must not be empty' });
const levelHint = z.string().regex(/^[CD]?[1-5](-[CD]?[1-5])?$/, { error: 'must be a level or range such as D3, C5 or D3-D4' });

const status = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` });

/** A state a component was in before a dated change; it held on the dates before `until`. */
export const componentStateSchema = z.strictObject({
  until: date,
  status,
  license: text.optional(),
  hint: levelHint.optional(),
  evidence: z.array(url).optional(),
  notes: text.optional(),
});

export const componentEntrySchema = z.strictObject({
  status,
  license: text.optional(),
  hint: levelHint.optional(),
  evidence: z.array(url).optional(),
  notes: text.optional(),
  /** The component's line in a Model Openness Tool record, kept so that export mof gives the file back. */
  mof: z.strictObject({
    license: z.string().optional(),
    license_path: z.string().optional(),
    component_path: z.string().optional(),
    description: z.string().optional(),
  }).optional(),
  history: z.array(componentStateSchema).min(1, { error: 'must list at least one earlier state (or leave history out)' }).optional(),
});

const componentKeys = Object.fromEntries(COMPONENT_KEYS.map((key) => [key, componentEntrySchema])) as Record<string, typeof componentEntrySchema>;

export const publishedValueSchema = z.strictObject({
  value: z.union([z.number().int().min(1).max(5), z.literal('N/A'), z.literal('Unknown')], { error: 'must be 1–5, "N/A" or "Unknown"' }),
  license: z.string().optional(),
  reason: text.optional(),
});

const publishedSourceSchema = z.strictObject({
  ref: text.optional(),
  title: text.optional(),
  values: z.strictObject(Object.fromEntries(COMPONENT_KEYS.map((key) => [key, publishedValueSchema.optional()]))),
});

/** Documents the neighbouring frameworks ask for; same shape as a component entry (evidence holds the link). */
export const DOCUMENT_KEYS = ['model_card', 'data_card', 'technical_report', 'research_paper', 'evaluation_results', 'sample_outputs'] as const;
/** Further artifacts the frameworks ask for, beyond the twelve components. */
export const ARTIFACT_KEYS = ['data_preprocessing_code', 'intermediate_checkpoints', 'supporting_libraries', 'architecture_code', 'model_metadata'] as const;

const compute = z.strictObject({
  flop: z.union([z.number().positive(), z.literal('unknown')], { error: 'must be a number of FLOP such as 3.8e25, or "unknown"' }),
  evidence: z.array(url).optional(),
  notes: text.optional(),
});

const linksSchema = z.partialRecord(z.enum(['paper', 'model_card', 'weights', 'code', 'website', 'announcement', 'technical_report', 'data', 'api', 'license']), url);
const monetised = z.union([
  z.boolean(), z.literal('unknown'),
  z.strictObject({ value: z.union([z.boolean(), z.literal('unknown')]), evidence: z.array(url).optional(), notes: text.optional() }),
], { error: 'must be true, false, "unknown" or { value, evidence, notes }' });
const variantId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'a variant id is lowercase letters, digits, dots and dashes, such as 72b or 7b-instruct' });

/** One release of a record's family: only the facts that differ from the record's. */
export const variantSchema = z.strictObject({
  id: variantId,
  name: text.optional(),
  released: yearMonth.optional(),
  links: linksSchema.optional(),
  notes: text.optional(),
  components: z.strictObject(Object.fromEntries(COMPONENT_KEYS.map((key) => [key, componentEntrySchema.optional()]))).optional(),
  training_compute: compute.optional(),
  monetised: monetised.optional(),
});

const mofGlobal = z.strictObject({ name: z.string().nullable().optional(), path: z.string().nullable().optional() });
/** The MOT release fields that our own fields do not hold verbatim (see MofRelease in src/core/model.ts). */
const mofReleaseSchema = z.strictObject({
  ...Object.fromEntries(['version', 'date', 'type', 'architecture', 'origin', 'treatment', 'producer', 'contact', 'repository', 'huggingface'].map((k) => [k, z.string().optional()])),
  license: z.partialRecord(z.enum(['distribution', 'code', 'data', 'document']), mofGlobal.nullable()).optional(),
});

export const modelSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'must be lowercase letters, digits, dots and dashes' }),
  name: text,
  organization: text,
  released: yearMonth,
  family: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/).optional(),
  derived_from: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'must be the id of another model record' }).nullable().optional(),
  modality: z.enum(['text', 'code', 'image', 'multimodal', 'audio', 'video', 'speech']).optional(),
  links: linksSchema.optional(),
  checked: date.optional(),
  notes: text.optional(),
  components: z.strictObject(componentKeys),
  published: z.strictObject({ 'eiras-2024': publishedSourceSchema.optional() }).optional(),
  documentation: z.strictObject(Object.fromEntries(DOCUMENT_KEYS.map((k) => [k, componentEntrySchema.optional()]))).optional(),
  artifacts: z.strictObject(Object.fromEntries(ARTIFACT_KEYS.map((k) => [k, componentEntrySchema.optional()]))).optional(),
  training_compute: compute.optional(),
  monetised: monetised.optional(),
  variants: z.array(variantSchema).min(1, { error: 'must list at least one variant (or leave variants out)' }).optional(),
  flagship: variantId.optional(),
  mof_release: mofReleaseSchema.optional(),
});

const rightSchema = z.strictObject({
  grant: z.enum(GRANTS, { error: `must be one of ${GRANTS.join(', ')}` }),
  clause: text,
});

const obligationSchema = z.union([z.literal(false), z.string().min(1)], { error: 'must be false, "unknown" or a text citing the clause' });

export const licenseSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/, { error: 'must be letters, digits, dots, plus and dashes' }),
  name: text,
  version: z.union([text, z.number().transform(String)]),
  url,
  kind: z.enum(LICENSE_KINDS, { error: `must be one of ${LICENSE_KINDS.join(', ')}` }),
  spdx: z.string().nullable(),
  aliases: z.array(z.string().min(1)).default([]),
  osi_approved: z.boolean(),
  verified: z.enum(['text', 'quotes', 'unread']),
  rights: z.strictObject(Object.fromEntries(RIGHT_KEYS.map((k) => [k, rightSchema])) as Record<string, typeof rightSchema>),
  obligations: z.strictObject(Object.fromEntries(OBLIGATIONS.map((o) => [o.key, obligationSchema])) as Record<string, typeof obligationSchema>),
  notes: text.optional(),
});

export type ModelInput = z.infer<typeof modelSchema>;
export type LicenseInput = z.infer<typeof licenseSchema>;

/** The JSON Schemas editors use to check registry files as they type. */
export function jsonSchemas() {
  return {
    model: z.toJSONSchema(modelSchema, { target: 'draft-2020-12', io: 'input' }),
    license: z.toJSONSchema(licenseSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}

/** registry/families.yaml: family id → display name. */
export const familiesSchema = z.record(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'a family id is lowercase letters, digits, dots and dashes' }), text);
