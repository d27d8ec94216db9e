// Reads registry files from disk and validates them; the only module here that touches the file system.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { buildLicenseIndex } from '../core/expression.js';
import { withDerivedLicenses } from '../core/license-categories.js';
import type { License } from '../core/licenses.js';
import type { ModelRecord } from '../core/model.js';
import { type Registry, buildRegistry } from '../core/registry.js';
import { type Located, type ModelCheckOptions, checkAliasClashes, checkDuplicateIds, checkFileName, checkModel, checkModelData } from './checks.js';
import type { LicenseIndex } from '../core/expression.js';
import type { Locator } from './parse.js';
import { parseRecord } from './parse.js';
import type { Problem } from './problem.js';
import { BUNDLED_REGISTRY } from './paths.js';
import { familiesSchema, licenseSchema, modelSchema } from './schema.js';

export { BUNDLED_REGISTRY };

export interface Loaded {
  registry: Registry;
  problems: Problem[];
}

async function yamlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  return names.filter((n) => extname(n) === '.yaml' || extname(n) === '.yml').sort().map((n) => join(dir, n));
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Called for a file that is a mapping but fails its schema, so the checks beyond the schema still run. */
type Invalid = (file: string, data: Record<string, unknown>, locate: Locator) => void;

type Parse = (input: Uint8Array, file: string) => ReturnType<typeof parseRecord>;

async function readLocated<T>(path: string, parse: Parse, problems: Problem[], invalid?: Invalid): Promise<Located<T> | undefined> {
  const file = display(path);
  // Bytes, not text: the parser reports anything that is not UTF-8 at its position instead of replacing it.
  let text: Uint8Array;
  try {
    text = await readFile(path);
  } catch (e) {
    problems.push({ file, line: 1, col: 1, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  const parsed = parse(text, file);
  problems.push(...parsed.problems);
  if (!parsed.value) {
    if (parsed.data) {
      if (typeof parsed.data.id === 'string') problems.push(...checkFileName({ file, value: { id: parsed.data.id }, locate: parsed.locate }, basename(path, extname(path))));
      invalid?.(file, parsed.data, parsed.locate);
    }
    return undefined;
  }
  const item = { file, value: parsed.value as T, locate: parsed.locate };
  problems.push(...checkFileName(item as Located<{ id: string }>, basename(path, extname(path))));
  return item;
}

/** Loads and checks a registry folder (licenses/ and models/). */
export async function loadRegistry(dir = BUNDLED_REGISTRY): Promise<Loaded> {
  const problems: Problem[] = [];
  const notRegistry = await registryDirProblem(dir);
  if (notRegistry) return { registry: buildRegistry([], []), problems: [notRegistry] };
  const licenses = await readAll<License>(await yamlFiles(join(dir, 'licenses')), (t, f) => parseRecord(t, f, licenseSchema), problems);
  problems.push(...checkDuplicateIds(licenses));
  const { clashes } = buildLicenseIndex(licenses.map((l) => l.value));
  problems.push(...checkAliasClashes(clashes, licenses));
  // Records may name any SPDX id: those without a hand-scored record resolve through their category.
  const { index } = buildLicenseIndex(withDerivedLicenses(licenses.map((l) => l.value)));
  const asRecord = { registryRecord: true };
  const models = await readAll<ModelRecord>(await yamlFiles(join(dir, 'models')), (t, f) => parseRecord(t, f, modelSchema), problems, modelRest(index, asRecord, problems));
  problems.push(...checkDuplicateIds(models));
  for (const m of models) problems.push(...checkModel(m, index, asRecord));
  const families = await readFamilies(join(dir, 'families.yaml'), problems);
  return { registry: buildRegistry(licenses.map((l) => l.value), models.map((m) => m.value), families), problems: sortProblems(problems) };
}

/** Checks single files: model files against the given registry's licenses, license files on their own. */
export async function validateFiles(paths: readonly string[], registry: Registry): Promise<Problem[]> {
  const problems: Problem[] = [];
  const models: Located<ModelRecord>[] = [];
  for (const path of paths) {
    const isLicense = /(^|[/\\])licenses[/\\]/.test(path);
    if (isLicense) {
      await readLocated<License>(path, (t, f) => parseRecord(t, f, licenseSchema), problems);
      continue;
    }
    const options = { registryRecord: isRegistryRecord(path) };
    const item = await readLocated<ModelRecord>(path, (t, f) => parseRecord(t, f, modelSchema), problems, modelRest(registry.index, options, problems));
    if (item) { models.push(item); problems.push(...checkModel(item, registry.index, options)); }
  }
  problems.push(...checkDuplicateIds(models));
  return sortProblems(problems);
}

/**
 * Every problem `howopen validate PATH` would report for this model text, without reading or writing
 * the file: YAML, schema, file name, licenses, statuses and, for a registry record, evidence.
 */
export function checkModelText(text: string, path: string, registry: Registry): Problem[] {
  const file = display(path);
  const parsed = parseRecord(text, file, modelSchema);
  const options = { registryRecord: isRegistryRecord(path) };
  const problems = [...parsed.problems];
  const id = parsed.value?.id ?? (typeof parsed.data?.id === 'string' ? parsed.data.id : undefined);
  if (id !== undefined) problems.push(...checkFileName({ file, value: { id }, locate: parsed.locate }, basename(path, extname(path))));
  if (parsed.value) problems.push(...checkModel({ file, value: parsed.value as ModelRecord, locate: parsed.locate }, registry.index, options));
  else if (parsed.data) problems.push(...checkModelData(file, parsed.data, parsed.locate, registry.index, options));
  return sortProblems(problems);
}

/** A model file in a registry's models/ folder is a registry record (held to the evidence rule); anywhere else it is a draft. */
export function isRegistryRecord(path: string): boolean {
  return /(^|[/\\])models[/\\][^/\\]+$/.test(path);
}

/** The model checks beyond the schema, for a file that failed it: one run reports every problem. */
function modelRest(index: LicenseIndex, options: ModelCheckOptions, problems: Problem[]): Invalid {
  return (file, data, locate) => problems.push(...checkModelData(file, data, locate, index, options));
}

/** A folder is a registry when it holds licenses/ or models/. */
export async function registryDirProblem(dir: string): Promise<Problem | undefined> {
  const info = await stat(dir).catch(() => undefined);
  const at = { file: display(dir), line: 1, col: 1 };
  if (!info) return { ...at, message: 'no such registry folder' };
  if (!info.isDirectory()) return { ...at, message: 'not a folder: a registry is a folder with licenses/ and models/ inside' };
  const inside = await Promise.all(['licenses', 'models'].map((d) => stat(join(dir, d)).then((s) => s.isDirectory(), () => false)));
  return inside.some(Boolean) ? undefined : { ...at, message: 'not a registry folder: it has no licenses/ or models/ inside' };
}

async function readFamilies(path: string, problems: Problem[]): Promise<Record<string, string>> {
  const text = await readFile(path).catch((e: NodeJS.ErrnoException) => { if (e.code === 'ENOENT') return null; throw e; });
  if (text === null) return {};
  const parsed = parseRecord(text, display(path), familiesSchema);
  problems.push(...parsed.problems);
  return parsed.value ?? {};
}

async function readAll<T>(paths: string[], parse: Parse, problems: Problem[], invalid?: Invalid): Promise<Located<T>[]> {
  const items = await Promise.all(paths.map((p) => readLocated<T>(p, parse, problems, invalid)));
  return items.filter((i): i is Located<T> => i !== undefined);
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
