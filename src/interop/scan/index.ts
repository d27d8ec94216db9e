// howopen scan: a local model repository (Hub layout) → a draft record, and for each field its source and confidence.
import { basename, relative, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import type { ComponentEntry, ModelRecord } from '../../core/model.js';
import type { Registry } from '../../core/registry.js';
import { COMPONENTS } from '../../core/taxonomy.js';
import { type Finding, type Provenance, isUrl, showValue, slugId } from '../draft.js';
import { type ReadOptions, formatBytes, readText } from '../files.js';
import { parseFrontMatter } from '../front-matter.js';
import { type HubMetadata, hubLicense, hubModality, hubTrainingData } from '../hub.js';
import { type Detection, detectLicense } from '../license-detect/index.js';
import { resolveLicenseName } from '../licenses.js';
import { type CodeRole, type RepoFile, describeFile, inventory, weightsSummary } from './inventory.js';

export interface ScanOptions {
  /** The repository's URL (https://huggingface.co/org/name): evidence links, links and the organization's account. */
  url?: string;
  /** For tests: how files are opened. */
  openFile?: ReadOptions['openFile'];
}

/** A license file as the scan read it: the matcher that decided, its similarity and confidence, our license id. */
export interface LicenseFileReport {
  file: string;
  kind: 'license' | 'policy';
  detection: Detection;
  /** The knowledge base's license id (or expression), when the detected license is in it. */
  license: string | null;
}

export interface ScanResult {
  /** The draft; `released` is missing when nothing in the folder gives it. */
  record: Omit<ModelRecord, 'released'> & { released?: string };
  provenance: Provenance[];
  findings: Finding[];
  licenses: LicenseFileReport[];
  files: { rel: string; kind: string; size: number }[];
}

type Chosen = { expression: string; source: string; how: Provenance['how']; confidence: number; matcher?: string; similarity?: number };

const HUB_FIELDS = ['license', 'license_name', 'license_link', 'datasets', 'base_model', 'pipeline_tag', 'language', 'tags'];

/** Scans `dir` without following links out of it and without opening weights. Bad files become findings, never errors. */
/** The folder cannot be scanned at all: bad input, not a bug. */
export class ScanInputError extends Error {}

export async function scanRepository(dir: string, registry: Registry, options: ScanOptions = {}): Promise<ScanResult> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new ScanInputError(`${dir} is not a folder`);
  const inv = await inventory(root);
  const findings: Finding[] = [...inv.problems];
  const provenance: Provenance[] = [];
  const notes: string[] = [`Draft from howopen scan of ${basename(root)}: check every field, give the release date, and add evidence URLs before it joins the registry.`];
  const from = (field: string, source: string, how: Provenance['how'], confidence: number, extra: Partial<Provenance> = {}) => provenance.push({ field, source, how, confidence, ...extra });
  const warn = (file: string, message: string, line = 1, col = 1) => findings.push({ file, line, col, severity: 'warning', message });
  const url = options.url?.replace(/\/+$/, '');
  const blob = (rel: string) => (url ? [`${url}/blob/main/${rel.split('/').map(encodeURIComponent).join('/')}`] : undefined);
  const read = async (f: RepoFile) => {
    const r = await readText(f.path, { root, ...(options.openFile ? { openFile: options.openFile } : {}) });
    if (!r.ok) warn(f.rel, /not (read|followed)/.test(r.message) ? r.message : `${r.message}; not used`, r.line, r.col);
    return r.ok ? r.text : undefined;
  };
  const filesOf = (kind: RepoFile['kind']) => inv.files.filter((f) => f.kind === kind);

  // README.md: front matter (the Hub's metadata) and the first heading.
  let front: Record<string, unknown> = {};
  let title: string | undefined;
  const readme = filesOf('readme')[0];
  if (readme) {
    const text = await read(readme);
    if (text !== undefined) {
      const fm = parseFrontMatter(text, readme.rel, false);
      if (!fm.ok) warn(readme.rel, `${fm.problem.message}; the card's metadata is not used`, fm.problem.line, fm.problem.col);
      else {
        front = fm.data;
        title = /^#\s+(.+?)\s*#*\s*$/m.exec(fm.body)?.[1]?.replace(/[*_`]/g, '').trim() || undefined;
      }
    }
  }
  const meta = front as HubMetadata & { model_name?: unknown };
  const metaFields = HUB_FIELDS.filter((k) => front[k] !== undefined && front[k] !== null && front[k] !== '');
  if (metaFields.length) notes.push(`Model card metadata: ${metaFields.map((k) => `${k}: ${showValue(front[k])}`).join('; ')}.`);

  // License and use-policy files: each through the matcher pipeline.
  const licenses: LicenseFileReport[] = [];
  for (const f of [...filesOf('license'), ...filesOf('policy')]) {
    const text = await read(f);
    if (text === undefined) continue;
    const detection = detectLicense(f.rel, text);
    let license: string | null = null;
    if (detection.match?.license) {
      const resolved = resolveLicenseName(detection.match.license, registry);
      if (resolved.ok) license = resolved.expression;
      else warn(f.rel, `reads as ${detection.match.name} (${detection.match.matcher}), which is not in the knowledge base`);
    } else if (!detection.match) {
      warn(f.rel, `no matcher recognised this license text${detection.closest ? ` (closest SPDX text: ${detection.closest.id}, ${(detection.closest.similarity * 100).toFixed(0)}% similar)` : ''}`);
    }
    licenses.push({ file: f.rel, kind: f.kind === 'policy' ? 'policy' : 'license', detection, license });
  }

  // The weights' license and the code's: a license file decides (one named for the model goes to the weights), the card's metadata otherwise.
  const fromFile = (r: LicenseFileReport): Chosen => ({ expression: r.license!, source: r.file, how: 'matcher', confidence: r.detection.match!.confidence, matcher: r.detection.match!.matcher, similarity: r.detection.match!.similarity });
  const decided = licenses.filter((l) => l.kind === 'license' && l.license);
  const modelFile = decided.find((l) => /model|weights/i.test(l.file));
  const codeFile = decided.find((l) => !/model|weights/i.test(l.file));
  const metaLicense = metaFields.some((k) => k === 'license' || k === 'license_name') ? hubLicense(meta, registry) : undefined;
  const fromMeta: Chosen | undefined = metaLicense?.ok ? { expression: metaLicense.expression, source: `README.md front matter: ${metaLicense.field}`, how: 'resolved', confidence: 0.9 } : undefined;
  if (metaLicense && !metaLicense.ok && metaLicense.declared) warn(readme?.rel ?? 'README.md', `${metaLicense.field}: ${metaLicense.reason}`);
  const weightsLicense = (modelFile ?? codeFile) ? fromFile((modelFile ?? codeFile)!) : fromMeta;
  const codeLicense = codeFile ? fromFile(codeFile) : fromMeta ? { ...fromMeta, confidence: 0.6 } : modelFile ? { ...fromFile(modelFile), confidence: 0.5 } : undefined;
  if (fromMeta && weightsLicense && weightsLicense !== fromMeta) {
    if (weightsLicense.expression !== fromMeta.expression) warn(weightsLicense.source, `the license text reads as ${weightsLicense.expression}, but the model card's metadata says ${fromMeta.expression}; the license text is used`);
    else weightsLicense.source += ` (the model card's metadata agrees: ${metaLicense!.ok ? metaLicense!.declared : ''})`;
  }

  // Components.
  const components: Record<string, ComponentEntry> = {};
  const set = (key: string, entry: ComponentEntry, source: string, how: Provenance['how'], confidence: number, license?: Chosen) => {
    components[key] = entry;
    from(`components.${key}.status`, source, how, confidence);
    if (license && entry.license) from(`components.${key}.license`, license.source, license.how, license.confidence, { ...(license.matcher ? { matcher: license.matcher, similarity: license.similarity } : {}) });
  };
  const licensed = (base: ComponentEntry, license: Chosen | undefined): ComponentEntry => (license ? { ...base, license: license.expression } : base);

  const weights = weightsSummary(inv.files);
  const weightFiles = filesOf('weights');
  if (weightFiles.length) {
    const list = `${weightFiles.length} weight file(s), ${formatBytes(weights.total)} (${weights.formats.join(', ')})`;
    if (weights.pointers.length) warn(weights.pointers[0]!.rel, `${weights.pointers.length} weight file(s) under 1 KB: Git LFS pointers, the weights themselves were not downloaded`);
    if (weightsLicense) {
      set('deployment.data.weights', { ...licensed({ status: 'public' }, weightsLicense), ...(url ? { evidence: [url] } : {}), notes: `${list}; license from ${weightsLicense.source}.` }, `weight files: ${weightFiles.map(describeFile).slice(0, 3).join(', ')}${weightFiles.length > 3 ? ', …' : ''}`, 'heuristic', 0.9, weightsLicense);
    } else {
      set('deployment.data.weights', { status: 'unknown', notes: `${list}, but no license in the folder (if the release really has none, it is public with no license: all rights reserved).` }, 'weight files, no license', 'heuristic', 0.5);
    }
  } else {
    set('deployment.data.weights', { status: 'unknown', notes: 'No weight files in the folder.' }, 'no weight files', 'default', 0);
  }

  const inference = filesOf('inference-code');
  if (inference.length) {
    set('deployment.code.inference', { ...licensed({ status: 'public' }, codeLicense), ...(blob(inference[0]!.rel) ? { evidence: blob(inference[0]!.rel) } : {}), notes: `Code in the repository: ${inference.map((f) => f.rel).join(', ')}.` }, `code files: ${inference.map((f) => f.rel).join(', ')}`, 'heuristic', 0.7, codeLicense);
  }
  const isFineTune = metaFields.includes('base_model');
  const roleKeys: Record<CodeRole, string> = {
    pretraining: 'training.code.pretraining', finetuning: 'training.code.finetuning', alignment: 'training.code.alignment',
    // A general training folder trains what the repository's model is: a fine-tune's is fine-tuning code.
    training: isFineTune ? 'training.code.finetuning' : 'training.code.pretraining',
    evaluation: 'evaluation.code.general',
  };
  for (const folder of inv.folders) {
    const key = roleKeys[folder.role];
    if (components[key]) continue;
    const sure = folder.role === 'training' ? 0.4 : 0.6;
    set(key, { ...licensed({ status: 'public' }, codeLicense), ...(url ? { evidence: [`${url}/tree/main/${folder.rel}`] } : {}), notes: `Folder ${folder.rel}/ with ${folder.files} code file(s); its role read from the folder's name.` }, `folder ${folder.rel}/ (${folder.files} code files)`, 'heuristic', sure, codeLicense);
  }

  // Each dataset goes to the component its use in howopen's table says (a pre-training corpus is pre-training data even in a fine-tune's card).
  const data = hubTrainingData(meta);
  for (const g of data.groups) {
    const unplaced = data.unknown.length ? ` Also named, not placed (not in howopen's table of known datasets): ${data.unknown.join(', ')}.` : '';
    set(g.key, { ...g.entry, notes: `Datasets named in the model card: ${g.known.map((k) => `${k.id} (${k.license})`).join(', ')}.${unplaced}` }, 'README.md front matter: datasets', 'rule', 0.7, { expression: g.entry.license!, source: `README.md front matter: datasets (use and license from howopen's table of known datasets)`, how: 'rule', confidence: 0.7 });
  }
  if (data.unknown.length) {
    notes.push(`Datasets named in the model card that howopen cannot place: ${data.unknown.join(', ')} (not in its table of known datasets, so their component and license are unknown).`);
    warn(readme?.rel ?? 'README.md', `datasets: ${data.unknown.join(', ')} not in howopen's table of known datasets; put each under the component it belongs to (pre-training, SFT or alignment data), with its license`);
  }
  if (data.evaluation.length) notes.push(`Evaluation benchmarks named in the model card: ${data.evaluation.join(', ')} (public benchmarks; the taxonomy's evaluation data are internal ones, so they are not scored).`);

  for (const c of COMPONENTS) {
    if (components[c.key]) continue;
    components[c.key] = { status: 'unknown', notes: 'Nothing in the folder speaks to this component.' };
    from(`components.${c.key}.status`, 'nothing in the folder', 'default', 0);
  }

  // The record's other fields.
  const dirName = basename(root);
  const modelName = typeof meta.model_name === 'string' && meta.model_name.trim() ? meta.model_name.trim() : undefined;
  const name = modelName ?? title ?? dirName;
  from('name', modelName ? 'README.md front matter: model_name' : title ? 'README.md: first heading' : 'folder name', 'heuristic', modelName ? 0.9 : title ? 0.7 : 0.4);
  from('id', 'folder name', 'rule', 0.8);
  const account = url ? /huggingface\.co\/([^/]+)\//.exec(`${url}/`)?.[1] : undefined;
  if (account) from('organization', `the account in ${url}`, 'heuristic', 0.4);
  else {
    from('organization', 'not in the folder', 'default', 0);
    warn(dirName, 'organization: nothing in the folder names it; the draft says "unknown"');
  }
  warn(dirName, 'released: nothing in the folder gives the release date; add it (YYYY-MM) before validating');
  const record: ScanResult['record'] = { id: slugId(dirName), name, organization: account ?? 'unknown', components };
  const modality = hubModality(meta);
  if (modality) { record.modality = modality; from('modality', 'README.md front matter: pipeline_tag', 'rule', 0.8); }
  const links: Record<string, string> = {};
  if (url) { links.weights = url; from('links.weights', 'the --url option', 'verbatim', 1); }
  if (isUrl(meta.license_link)) { links.license = meta.license_link; from('links.license', 'README.md front matter: license_link', 'verbatim', 1); }
  if (Object.keys(links).length) record.links = links;
  const baseModel = Array.isArray(meta.base_model) ? meta.base_model[0] : meta.base_model;
  if (typeof baseModel === 'string' && baseModel) {
    const base = registry.models.find((m) => Object.values(m.links ?? {}).some((l) => l.toLowerCase().endsWith(`huggingface.co/${baseModel.toLowerCase()}`)));
    if (base) { record.derived_from = base.id; from('derived_from', `README.md front matter: base_model ${baseModel} (the registry record whose link is that repository)`, 'rule', 0.8); }
  }
  if (readme) {
    record.documentation = { model_card: { status: 'public', ...(blob(readme.rel) ? { evidence: blob(readme.rel) } : {}), notes: 'README.md, the model card.' } };
    from('documentation.model_card.status', readme.rel, 'heuristic', 0.9);
  }

  // config.json: what architecture, for the notes.
  const config = filesOf('config')[0];
  if (config) {
    const text = await read(config);
    if (text !== undefined) {
      try {
        const c = JSON.parse(text) as Record<string, unknown>;
        const parts = ['model_type', 'architectures', 'torch_dtype', 'num_hidden_layers', 'hidden_size', 'vocab_size'].filter((k) => c[k] !== undefined).map((k) => `${k}: ${showValue(c[k])}`);
        if (parts.length) { notes.push(`config.json: ${parts.join('; ')}.`); from('notes', 'config.json', 'verbatim', 1); }
      } catch (e) {
        const m = /position (\d+)/.exec((e as Error).message);
        const before = text.slice(0, m ? Number(m[1]) : 0).split('\n');
        warn(config.rel, `not valid JSON (${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}); not used`, before.length, (before.at(-1)?.length ?? 0) + 1);
      }
    }
  }
  if (weightFiles.length) notes.push(`Weights: ${weightFiles.map(describeFile).join(', ')}.`);
  const state = filesOf('training-state');
  if (state.length) notes.push(`Training state files (optimizer, scheduler or trainer state): ${state.map((f) => f.rel).join(', ')}.`);
  for (const l of licenses) if (l.detection.match?.kind === 'policy') notes.push(`${l.file}: ${l.detection.match.name}.`);
  record.notes = notes.join('\n');

  return { record, provenance, findings, licenses, files: inv.files.map((f) => ({ rel: relative(root, f.path), kind: f.kind, size: f.size })) };
}
