// The shape every foreign format module has: import a file's text into drafts, export a record into a file.
import type { Reading } from '../core/licenses.js';
import type { ModelRecord } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import type { ImportResult } from './draft.js';

export interface ExportOptions {
  /** eiras-site: the published values where a record keeps them (default), or our computed levels throughout. */
  source?: 'published' | 'computed';
  reading?: Reading;
}

export interface ExportedFile {
  /** File name, without folder. */
  name: string;
  text: string;
}

export interface Format {
  name: string;
  description: string;
  /** File name endings taken when a folder is given to import. */
  extensions: readonly string[];
  importText(text: string, file: string, registry: Registry): ImportResult;
  exportRecord(record: ModelRecord, registry: Registry, options?: ExportOptions): ExportedFile;
}

/** Names, descriptions and file endings of the formats, light enough for the CLI's help without loading them. */
export const FORMAT_INFO = {
  'eiras-site': { description: 'the paper\'s site files (_llms/*.md: Jekyll front matter with a value and license per component)', extensions: ['.md'] },
  'osai-index': { description: 'European Open Source AI Index model files (system, org and 12 parameters open / partial / closed)', extensions: ['.yaml', '.yml'] },
  'mof': { description: 'Model Openness Tool model.yml (MOF 1.0), both schema versions (license_name / location and license / component_path)', extensions: ['.yml', '.yaml'] },
  'json': { description: 'howopen model records as JSON (the registry\'s fields, checked by the same schema)', extensions: ['.json'] },
  'cyclonedx': { description: 'CycloneDX 1.6 ML-BOM (export only): the model with its model card, datasets, code and licenses', extensions: ['.cdx.json'] },
  'spdx': { description: 'SPDX 3.0.1 JSON-LD with the AI and Dataset profiles (export only): the model, its datasets and their licenses', extensions: ['.spdx.json'] },
} as const satisfies Record<string, { description: string; extensions: readonly string[] }>;

export type FormatName = keyof typeof FORMAT_INFO;
export const FORMAT_NAMES = Object.keys(FORMAT_INFO) as FormatName[];
