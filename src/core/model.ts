// The model record: what a registry file says about a model, before any classification.
import type { Status } from './taxonomy.js';

export interface ComponentEntry {
  status: Status;
  /** A license expression of ids or aliases; absent on public means "no license". */
  license?: string;
  /** With unknown: the level or range it is believed to have, e.g. "D3-D4". */
  hint?: string;
  evidence?: string[];
  notes?: string;
  /** Earlier states of this component, oldest first; each held on the dates before its `until`. */
  history?: ComponentState[];
  /** The component as a Model Openness Tool record lists it (set by `import mof`); the MOF verdict reads its license first. */
  mof?: MofListing;
}

/** A state a component was in before a dated change (a relicensing, a takedown), with its evidence. */
export interface ComponentState {
  /** ISO date the next state took effect; this state holds on the dates before it. */
  until: string;
  status: Status;
  license?: string;
  hint?: string;
  evidence?: string[];
  notes?: string;
}

/** One release of a record's family (a size; base or instruct where they differ): only what differs. */
export interface Variant {
  /** The part after `@` in `qwen2.5@72b`. */
  id: string;
  name?: string;
  released?: string;
  links?: Record<string, string>;
  notes?: string;
  /** Each entry replaces the record's entry for that component whole (status, license, evidence, history). */
  components?: Partial<Record<string, ComponentEntry>>;
  training_compute?: ModelRecord['training_compute'];
  monetised?: ModelRecord['monetised'];
}

/** A component's line in a MOT model.yml, kept verbatim so that `export mof` gives the file back. */
export interface MofListing {
  /** The license string as written ("unlicensed" or "": none); absent: the component inherits the release's. */
  license?: string;
  license_path?: string;
  component_path?: string;
  /** Only when it differs from MOF's standard description. */
  description?: string;
}

/** A MOT release's global licenses: distribution, and one per content type. */
export type MofGlobalLicenses = Partial<Record<'distribution' | 'code' | 'data' | 'document', { name?: string | null; path?: string | null }>>;

/** The release fields of a MOT model.yml that the record's own fields do not hold verbatim. */
export interface MofRelease {
  version?: string;
  date?: string;
  type?: string;
  architecture?: string;
  origin?: string;
  treatment?: string;
  producer?: string;
  contact?: string;
  repository?: string;
  huggingface?: string;
  license?: MofGlobalLicenses;
}

export interface PublishedValue {
  value: number | 'N/A' | 'Unknown';
  license?: string;
  /** Ours: why our computed level differs from the published one. */
  reason?: string;
}

export interface PublishedSource {
  ref?: string;
  title?: string;
  values: Record<string, PublishedValue>;
}

export interface ModelRecord {
  id: string;
  name: string;
  organization: string;
  released: string;
  family?: string;
  derived_from?: string | null;
  modality?: string;
  links?: Record<string, string>;
  checked?: string;
  notes?: string;
  components: Record<string, ComponentEntry>;
  published?: Record<string, PublishedSource>;
  /** Documents: model_card, data_card, technical_report, research_paper, evaluation_results, sample_outputs. */
  documentation?: Partial<Record<string, ComponentEntry>>;
  /** Artifacts beyond the twelve components: data_preprocessing_code, intermediate_checkpoints, supporting_libraries, architecture_code, model_metadata. */
  artifacts?: Partial<Record<string, ComponentEntry>>;
  /** Cumulative training compute in FLOP, or 'unknown'. */
  training_compute?: { flop: number | 'unknown'; evidence?: string[]; notes?: string };
  /** Whether access to the model is sold (paid API or paid weights); the EU AI Act reading counts it only with evidence. */
  monetised?: boolean | 'unknown' | { value: boolean | 'unknown'; evidence?: string[]; notes?: string };
  /** Set by `import mof`: the MOT release this record was drafted from. */
  mof_release?: MofRelease;
  /** The releases of this record; the bare id reads the one `flagship` names. */
  variants?: Variant[];
  /** The variant id the bare record id stands for; required with variants. */
  flagship?: string;
}

/** Sources of published levels the audit knows. */
export const PUBLISHED_SOURCES = {
  'eiras-2024': {
    name: 'Eiras et al. (2024), the paper\'s site data',
    url: 'https://open-source-llms.github.io/',
  },
} as const;
