// Hugging Face Hub metadata (a model card's front matter, or one line of a Hub dump) → what it says about our components.
import type { ComponentEntry } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import { USE_COMPONENT, datasetLicense } from './datasets.js';
import { resolveLicenseName } from './licenses.js';

/** The fields of Hub metadata howopen reads; the rest is ignored. */
export interface HubMetadata {
  id?: unknown;
  license?: unknown;
  license_name?: unknown;
  license_link?: unknown;
  datasets?: unknown;
  base_model?: unknown;
  tags?: unknown;
  pipeline_tag?: unknown;
  language?: unknown;
}

export type HubLicense =
  | { ok: true; expression: string; declared: string; field: 'license' | 'license_name' }
  | { ok: false; declared: string | null; field: 'license' | 'license_name' | null; reason: string; suggestions: string[] };

/** Hub ids that say no license is named: "other" points at license_name; "unknown" is a statement of ignorance. */
const NOT_A_LICENSE = new Set(['other', 'unknown', '']);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [];
}

/** The weights' license from license (a Hub id, or a list of them: all apply) or, for "other", license_name. */
export function hubLicense(meta: HubMetadata, registry: Registry): HubLicense {
  const ids = strings(meta.license);
  const named = strings(meta.license_name)[0];
  const useName = ids.length === 0 || ids.every((l) => NOT_A_LICENSE.has(l.toLowerCase()));
  if (useName && !named) {
    return ids.length ? { ok: false, declared: ids.join(', '), field: 'license', reason: ids[0]!.toLowerCase() === 'other' ? 'license is "other" and no license_name is given' : `license is "${ids[0]}"`, suggestions: [] } : { ok: false, declared: null, field: null, reason: 'no license in the metadata', suggestions: [] };
  }
  const declared = useName ? named! : ids.length === 1 ? ids[0]! : ids.map((l) => (/\s/.test(l) ? `(${l})` : l)).join(' AND ');
  const field = useName ? 'license_name' : 'license';
  const resolved = resolveLicenseName(declared, registry);
  if (resolved.ok) return { ok: true, expression: resolved.expression, declared, field };
  return { ok: false, declared, field, reason: resolved.error, suggestions: resolved.suggestions };
}

/** The card's datasets placed in one data component. */
export interface DataGroup {
  key: 'training.data.pretraining' | 'training.data.sft' | 'training.data.alignment';
  known: { id: string; license: string; source: string }[];
  /** Public under the datasets' licenses, with their pages as evidence. */
  entry: ComponentEntry;
}

export interface HubTrainingData {
  datasets: string[];
  /** Each component the known datasets belong to (pre-training corpora, instruction sets, preference sets). */
  groups: DataGroup[];
  /** Known public benchmarks: named, not scored (the taxonomy's evaluation data are internal benchmarks). */
  evaluation: string[];
  /** Datasets not in howopen's table: their component and license are not known, so nothing is drafted from them. */
  unknown: string[];
}

/** The card's datasets, each placed by its use in the table of known datasets; the rest stay Unknown, named. */
export function hubTrainingData(meta: HubMetadata): HubTrainingData {
  const datasets = strings(meta.datasets);
  const byKey = new Map<DataGroup['key'], DataGroup['known']>();
  const evaluation: string[] = [];
  const unknown: string[] = [];
  for (const id of datasets) {
    const found = datasetLicense(id);
    if (!found) { unknown.push(id); continue; }
    const key = USE_COMPONENT[found.use];
    if (!key) { evaluation.push(id); continue; }
    byKey.set(key, [...(byKey.get(key) ?? []), { id, license: found.license, source: found.source }]);
  }
  const groups = [...byKey].map(([key, known]): DataGroup => ({
    key, known,
    entry: { status: 'public', license: [...new Set(known.map((k) => k.license))].join(' AND '), evidence: [...new Set(known.map((k) => k.source))] },
  }));
  return { datasets, groups, evaluation, unknown };
}

/** Our modality from the Hub's pipeline tag. */
export function hubModality(meta: HubMetadata): string | undefined {
  const tag = strings(meta.pipeline_tag)[0]?.toLowerCase() ?? '';
  if (/^(text-generation|text2text-generation|fill-mask|summarization|translation|question-answering|text-classification|token-classification|feature-extraction|sentence-similarity)$/.test(tag)) {
    return strings(meta.tags).some((t) => t.toLowerCase() === 'code') ? 'code' : 'text';
  }
  if (/^(image-text-to-text|any-to-any|visual-question-answering|video-text-to-text|audio-text-to-text)$/.test(tag)) return 'multimodal';
  if (/^(text-to-image|image-to-image|image-classification|object-detection|image-segmentation|unconditional-image-generation)$/.test(tag)) return 'image';
  if (/^(text-to-speech|automatic-speech-recognition|audio-classification|text-to-audio)$/.test(tag)) return 'audio';
  if (/^(text-to-video|video-classification)$/.test(tag)) return 'video';
  return undefined;
}
