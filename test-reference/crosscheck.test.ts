// Cross-check of our registry against two reference datasets: the European Open Source AI Index
// (osai-index-all/*.yaml, all its records) and the Model Openness Tool (mot/models-all/*.yml, all its
// records). Every comparison is recomputed
// here from the reference files and the registry; data/crosscheck.yaml records, for each pair of
// records, every comparison with its values, and for each disagreement which side is right and why.
// The test fails on a comparison that disagrees without a recorded judgement, and on a recorded
// entry whose values no longer match the data (a stale entry: re-judge it).
//
// To redraft the file after a data change: CROSSCHECK_DRAFT=/tmp/crosscheck.yaml npx tsx --test
// test-reference/crosscheck.test.ts writes the recomputed comparisons there, keeping the judgements
// of entries whose values did not change; review the rest by hand and copy the file over.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { type LicenseIndex, licenseIds, resolveLicense } from '../src/core/expression.js';
import { verdicts } from '../src/core/frameworks/index.js';
import { MOF_COMPONENTS, motOpenBasis } from '../src/core/frameworks/mof.js';
import { MOT_TYPES } from '../src/core/frameworks/mot-licenses.js';
import type { ComponentEntry, ModelRecord } from '../src/core/model.js';
import type { Registry } from '../src/core/registry.js';
import { lookupModel } from '../src/core/resolve.js';
import { ROOT, registry } from '../test/helpers.js';
import { REFERENCE } from './reference.js';

const AS_OF = '2026-11-22';
const DATA_FILE = join(ROOT, 'data/crosscheck.yaml');
const RIGHT = ['ours', 'theirs', 'both (different versions)', 'unclear'] as const;

// ---------------------------------------------------------------------------------------------
// The recorded cross-check.

interface Check {
  field: string;
  theirs: string;
  ours: string;
  agree: boolean;
  right?: (typeof RIGHT)[number];
  why?: string;
  evidence?: string[];
}
interface Pair { source: 'osai-index' | 'mot'; file: string; ours: string; version: string; match: string; checks?: Check[] }
interface Unmatched { source: 'osai-index' | 'mot'; file: string; version: string; why: string; rejected?: string[] }
/**
 * A reference record with candidate counterparts that has not been compared yet. Set ours (with
 * version and match) and run the draft: it becomes a pair with its comparisons, to be judged.
 */
interface Pending { source: 'osai-index' | 'mot'; file: string; candidates: string[]; ours?: string; version?: string; match?: string }
/** no_counterpart: reference records none of ours names or links (recomputed: see counterparts()). */
interface CrossCheck { pairs: Pair[]; unmatched: Unmatched[]; pending: Pending[]; no_counterpart: string[] }

const recorded = parse(readFileSync(DATA_FILE, 'utf8')) as CrossCheck;

// ---------------------------------------------------------------------------------------------
// License names the references use that our knowledge base has no alias for, mapped to our ids
// (null: the reference names no license). Everything else resolves through the knowledge base.

const REFERENCE_LICENSE_NAMES: Record<string, string | null> = {
  'Unclear': null,
  'BigScience-BLOOM-RAIL-1.0': 'bigscience-bloom-rail-1.0',
  'BigScience RAIL License v1.0': 'bigscience-bloom-rail-1.0',
  'Meta Llama 3 Community License Agreement': 'llama3',
  'xAI Community License Agreement': 'grok2-community',
  // The Hub tag falcon-llm-license that Falcon 3 and later cards use links the TII Falcon License 2.0 (see registry/models/falcon-3.yaml).
  'Falcon LLM License': 'tii-falcon-license-2.0',
  'Llama 2 Community License Agreement': 'llama2',
  'Llama 3.1 Community License Agreement': 'llama3.1',
  'Llama 3.3 Community License Agreement': 'llama3.3',
  'Llama 4 Community License Agreement': 'llama4',
};

/** The license ids a reference's license name stands for; unknown names stay as their text. */
function theirIds(name: string | null | undefined, index: LicenseIndex): string[] {
  if (!name || name === 'unlicensed') return [];
  if (name in REFERENCE_LICENSE_NAMES) return REFERENCE_LICENSE_NAMES[name] ? [REFERENCE_LICENSE_NAMES[name]!] : [];
  const resolved = resolveLicense(name.replace(/ and /g, ' AND '), index);
  if (resolved.ok) return licenseIds(resolved.tree);
  const parts = name.split(/ and /);
  if (parts.length > 1) return [...new Set(parts.flatMap((p) => theirIds(p.trim(), index)))].sort();
  return [name];
}

function ourIds(entry: ComponentEntry | undefined, index: LicenseIndex): string[] {
  if (entry?.status !== 'public' || !entry.license) return [];
  const resolved = resolveLicense(entry.license, index);
  return resolved.ok ? licenseIds(resolved.tree) : [entry.license];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

// ---------------------------------------------------------------------------------------------
// Our side: the record's components, grouped as the references group them.

const GROUPS = {
  weights: ['deployment.data.weights'],
  training_data: ['training.data.pretraining', 'training.data.sft', 'training.data.alignment'],
  training_code: ['training.code.pretraining', 'training.code.finetuning', 'training.code.alignment'],
  inference_code: ['deployment.code.inference'],
} as const;
type Group = keyof typeof GROUPS;

const shortKey = (key: string) => key.split('.').at(-1)!;

interface OurGroup { available: boolean; availability: string; ids: string[]; licenses: string }

/**
 * Availability: some applicable part public ("public: pretraining, sft", or "not public"). Licenses:
 * the union of the public parts' license ids. The texts name only what the comparison depends on, so
 * an entry goes stale when a compared fact changes, not when an unrelated detail does.
 */
function ourGroup(record: ModelRecord, group: Group, index: LicenseIndex): OurGroup {
  const keys = GROUPS[group];
  const single = keys.length === 1;
  const publicOnes = keys.map((k) => [k, record.components[k]] as const).filter(([, e]) => e?.status === 'public');
  const label = (k: string, text: string) => (single ? text : `${shortKey(k)} ${text}`);
  const availability = publicOnes.length === 0 ? 'not public' : single ? 'public' : `public: ${publicOnes.map(([k]) => shortKey(k)).join(', ')}`;
  const ids = [...new Set(publicOnes.flatMap(([, e]) => ourIds(e, index)))].sort();
  const licenses = publicOnes.map(([k, e]) => label(k, e!.license ?? 'no license')).join(', ');
  return { available: publicOnes.length > 0, availability, ids, licenses };
}

// ---------------------------------------------------------------------------------------------
// European Open Source AI Index. Mapped parameters: the five availability parameters and licenses,
// compared with our osaiIndex verdict's class for the same parameter; plus, at component level,
// availability of weights, training data and training code (open or partial = available) and the
// end model's license (system.endmodellicense) against our weights license.

const OSAI_MAPPED = ['weights_basemodel', 'weights_endmodel', 'datasources_basemodel', 'datasources_endmodel', 'trainingcode', 'licenses'] as const;

type OsaiRecord = Record<string, { class?: string } | undefined> & { system: { endmodellicense?: string | null } };

function osaiChecks(ref: OsaiRecord, record: ModelRecord, reg: Registry): Omit<Check, 'right' | 'why' | 'evidence'>[] {
  const v = verdicts(record, reg, { asOf: AS_OF }).osaiIndex;
  const checks: Omit<Check, 'right' | 'why' | 'evidence'>[] = [];
  for (const ref_ of OSAI_MAPPED) {
    const theirs = String(ref[ref_]?.class);
    const ours = v.parameters.find((p) => p.ref === ref_)!.class;
    checks.push({ field: `osai.${ref_}`, theirs, ours, agree: theirs === ours });
  }
  const avail = (...refs: string[]) => refs.map((r) => `${r} ${ref[r]?.class}`).join(', ');
  const isAvail = (...refs: string[]) => refs.some((r) => ref[r]?.class === 'open' || ref[r]?.class === 'partial');
  const groups: [Group, string[]][] = [['weights', ['weights_endmodel']], ['training_data', ['datasources_basemodel', 'datasources_endmodel']], ['training_code', ['trainingcode']]];
  for (const [group, refs] of groups) {
    const ours = ourGroup(record, group, reg.index);
    checks.push({ field: `${group}.availability`, theirs: avail(...refs), ours: ours.availability, agree: isAvail(...refs) === ours.available });
  }
  const theirLicense = ref.system.endmodellicense ?? '';
  const ours = ourGroup(record, 'weights', reg.index);
  checks.push({ field: 'weights.license', theirs: theirLicense, ours: ours.licenses || ours.availability, agree: ours.available && sameSet(theirIds(theirLicense, reg.index), ours.ids) });
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Model Openness Tool. A component listed in a MOT record is included in the release; its license
// is resolved by MOF's rule (the component's own license, else the release's license for its
// content type, else the distribution license; "unlicensed" means included without a license).
//
// Component level: weights = Model parameters (Final), training data = Datasets, training code =
// Training code, inference code = Inference code; availability (listed vs any applicable part of
// ours public) and, where both sides have the component, the license (same set of license ids).
//
// MOF component verdicts. What the MOT record implies: a listed component is met when its resolved
// license is open by the MOT's evaluator (LicenseHandler::isOpenSourceLicense: OSI-approved or
// FSF-libre in its SPDX list, its open-data list, OpenMDW-1.0; motOpenBasis, checked against the
// MOT's own PHP in test-reference/mof-roundtrip.test.ts). Ours: the component's `met` in our
// mofVerdict. Mapping of the 17 MOF components to our record:
//
// | MOF component                   | our record                                                   |
// |---------------------------------|--------------------------------------------------------------|
// | Model architecture              | artifacts.architecture_code, else deployment.code.inference  |
// | Model parameters (Final)        | deployment.data.weights                                      |
// | Technical report                | documentation.technical_report                               |
// | Evaluation results              | documentation.evaluation_results                             |
// | Model card                      | documentation.model_card                                     |
// | Data card                       | documentation.data_card                                      |
// | Training code                   | training.code.pretraining, .finetuning, .alignment           |
// | Inference code                  | deployment.code.inference                                    |
// | Evaluation code                 | evaluation.code.general                                      |
// | Evaluation data                 | evaluation.data.utility, .safety                             |
// | Supporting libraries and tools  | artifacts.supporting_libraries                               |
// | Datasets                        | training.data.pretraining, .sft, .alignment                  |
// | Data preprocessing code         | artifacts.data_preprocessing_code                            |
// | Model parameters (Intermediate) | artifacts.intermediate_checkpoints                           |
// | Research paper                  | documentation.research_paper                                 |
// | Sample model outputs            | documentation.sample_outputs                                 |
// | Model metadata                  | artifacts.model_metadata                                     |

const MOF_MAPPED = [
  'Model architecture', 'Model parameters (Final)', 'Technical report', 'Evaluation results', 'Model card', 'Data card',
  'Training code', 'Inference code', 'Evaluation code', 'Evaluation data', 'Supporting libraries and tools',
  'Datasets', 'Data preprocessing code', 'Model parameters (Intermediate)', 'Research paper',
  'Sample model outputs', 'Model metadata',
] as const;

interface MotComponent { name: string; license?: string }
interface MotRecord { release: { name: string; version?: string; license?: Partial<Record<'distribution' | 'code' | 'data' | 'document', { name?: string | null }>>; components: MotComponent[] } }
interface MofLicense { licenseId: string; isOsiApproved?: boolean; ContentType: string | string[] }

const mofSettings = parse(readFileSync(join(REFERENCE, 'mot/mof.settings.yml'), 'utf8')) as { components: { name: string; content_type: 'code' | 'data' | 'document' }[] };
const mofLicenses = (JSON.parse(readFileSync(join(REFERENCE, 'mot/mof-licenses.json'), 'utf8')) as { licenses: MofLicense[] }).licenses;
const contentType = (name: string) => mofSettings.components.find((c) => c.name === name)!.content_type;

/** MOF's resolution: own license, else the release's for the content type, else the distribution license. */
function motLicense(rec: MotRecord, comp: MotComponent): { name: string | null; from: string } {
  if (comp.license === 'unlicensed') return { name: null, from: 'unlicensed' };
  if (comp.license) return { name: comp.license, from: 'own' };
  const global = rec.release.license ?? {};
  const type = contentType(comp.name);
  if (global[type]?.name) return { name: global[type]!.name!, from: `release ${type} license` };
  if (global.distribution?.name) return { name: global.distribution.name, from: 'release distribution license' };
  return { name: null, from: 'no license given' };
}

function motImplied(rec: MotRecord, name: string): { met: boolean; text: string } {
  const comp = rec.release.components.find((c) => c.name === name);
  if (!comp) return { met: false, text: 'not listed' };
  const lic = motLicense(rec, comp);
  if (!lic.name) return { met: false, text: `listed, ${lic.from}` };
  const type = contentType(name);
  const entry = motOpenBasis(lic.name);
  const where = lic.from === 'own' ? '' : ` (${lic.from})`;
  return entry ? { met: true, text: `met: ${lic.name}${where}` } : { met: false, text: `not met: ${lic.name}${where} is not in MOT's open list for ${type}` };
}

const MOT_GROUPS: [Group, string][] = [['weights', 'Model parameters (Final)'], ['training_data', 'Datasets'], ['training_code', 'Training code'], ['inference_code', 'Inference code']];

function motChecks(rec: MotRecord, record: ModelRecord, reg: Registry): Omit<Check, 'right' | 'why' | 'evidence'>[] {
  const checks: Omit<Check, 'right' | 'why' | 'evidence'>[] = [];
  for (const [group, name] of MOT_GROUPS) {
    const comp = rec.release.components.find((c) => c.name === name);
    const ours = ourGroup(record, group, reg.index);
    checks.push({ field: `${group}.availability`, theirs: comp ? `${name} listed` : `${name} not listed`, ours: ours.availability, agree: Boolean(comp) === ours.available });
    if (comp && ours.available) {
      const lic = motLicense(rec, comp);
      const theirs = lic.name ? (lic.from === 'own' ? lic.name : `${lic.name} (${lic.from})`) : lic.from;
      checks.push({ field: `${group}.license`, theirs, ours: ours.licenses, agree: sameSet(theirIds(lic.name, reg.index), ours.ids) });
    }
  }
  const mof = verdicts(record, reg, { asOf: AS_OF }).mof;
  for (const name of MOF_MAPPED) {
    const theirs = motImplied(rec, name);
    const ours = mof.components.find((c) => c.name === name)!;
    checks.push({ field: `mof.${name}`, theirs: theirs.text, ours: ours.met ? 'met' : 'not met', agree: theirs.met === ours.met });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------

const read = (file: string) => parse(readFileSync(join(REFERENCE, file), 'utf8')) as unknown;

async function compute(pair: Pair) {
  const reg = await registry();
  // ours may name a variant (qwen2.5@7b): its own facts are compared, not the flagship's.
  const found = lookupModel(reg, pair.ours);
  assert.ok(found.ok, `${pair.file}: ${found.ok ? '' : found.error}`);
  const record = found.resolved.record;
  return pair.source === 'mot' ? motChecks(read(pair.file) as MotRecord, record, reg) : osaiChecks(read(pair.file) as OsaiRecord, record, reg);
}

function referenceFiles(): { source: Pair['source']; file: string }[] {
  const osai = readdirSync(join(REFERENCE, 'osai-index-all')).filter((f) => f.endsWith('.yaml') && !f.startsWith('_') && !f.startsWith('a_submission'));
  const mot = readdirSync(join(REFERENCE, 'mot/models-all')).filter((f) => f.endsWith('.yml'));
  return [...osai.map((f) => ({ source: 'osai-index' as const, file: `osai-index-all/${f}` })), ...mot.map((f) => ({ source: 'mot' as const, file: `mot/models-all/${f}` }))];
}

// ---------------------------------------------------------------------------------------------
// Counterparts: which of our records could describe a reference record's release. A record is a
// candidate when it links the reference's Hugging Face repository (in its links, its weights'
// evidence or a variant's links) or when its id, name or a variant's name is the reference's name
// or end model's name (compared lowercase without punctuation). A reference record with no
// candidate is listed in no_counterpart; the test recomputes that, so a new record of the same
// release makes the entry stale and asks for a pair.

const squash = (s: unknown) => String(s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
const hubRepo = (u: unknown) => String(u ?? '').toLowerCase().match(/^https?:\/\/(?:www\.)?huggingface\.co\/([^/?#]+\/[^/?#]+)/)?.[1] ?? null;

function referenceKeys(file: string): { repos: string[]; names: string[] } {
  const ref = read(file) as { system?: { name?: string; endmodelname?: string; link?: string }; release?: { name?: string; huggingface?: string } };
  if (file.startsWith('mot/')) return { repos: [hubRepo(ref.release?.huggingface)].filter((r): r is string => !!r), names: [squash(ref.release?.name)].filter(Boolean) };
  return { repos: [hubRepo(ref.system?.link)].filter((r): r is string => !!r), names: [squash(ref.system?.name), squash(ref.system?.endmodelname)].filter(Boolean) };
}

async function counterparts(file: string): Promise<string[]> {
  const reg = await registry();
  const { repos, names } = referenceKeys(file);
  return reg.models.filter((m) => {
    const urls = [...Object.values(m.links ?? {}), ...(m.components['deployment.data.weights']?.evidence ?? []), ...(m.variants ?? []).flatMap((v) => Object.values(v.links ?? {}))];
    const ownNames = [m.id, m.name, ...(m.variants ?? []).map((v) => v.name)].map(squash).filter(Boolean);
    return urls.some((u) => repos.includes(hubRepo(u) ?? '')) || ownNames.some((n) => names.includes(n));
  }).map((m) => m.id).sort();
}

describe('cross-check with the European Open Source AI Index and the Model Openness Tool', () => {
  it('accounts for every reference record: paired with one of ours, listed without a counterpart, or listed as having none', () => {
    const listed = [...recorded.pairs, ...recorded.unmatched, ...(recorded.pending ?? [])].map((p) => `${p.source}:${p.file}`);
    const none = (recorded.no_counterpart ?? []).map((f) => `${f.startsWith('mot/') ? 'mot' : 'osai-index'}:${f}`);
    assert.deepEqual([...listed, ...none].sort(), referenceFiles().map((r) => `${r.source}:${r.file}`).sort());
    for (const u of recorded.unmatched) assert.ok(u.why?.trim(), `${u.file}: say why there is no counterpart`);
  });

  it('lists as having no counterpart only reference records none of ours names or links, and rejects candidates with a reason', async () => {
    const stale: string[] = [];
    for (const file of recorded.no_counterpart ?? []) {
      const found = await counterparts(file);
      if (found.length) stale.push(`${file}: now matched by ${found.join(', ')}: pair it or list it in unmatched with why`);
    }
    for (const p of recorded.pending ?? []) {
      const found = await counterparts(p.file);
      if (found.join() !== [...p.candidates].sort().join()) stale.push(`${p.file}: candidates are now ${found.join(', ') || 'none'}`);
    }
    for (const u of recorded.unmatched) {
      const found = await counterparts(u.file);
      if (found.length && !(u.rejected && [...u.rejected].sort().join() === found.join())) stale.push(`${u.file}: candidates ${found.join(', ')}: name them in rejected and say why in why`);
    }
    assert.deepEqual(stale, []);
  });

  it('types licenses as the MOT\'s own list does (mof-licenses.json: the last entry of an id wins, as its importer does)', () => {
    const last = new Map(mofLicenses.map((l) => [l.licenseId, l]));
    for (const [id, l] of last) {
      assert.deepEqual([...(MOT_TYPES[id] ?? [])].sort(), ([] as string[]).concat(l.ContentType).sort(), id);
      if (l.isOsiApproved) assert.ok(motOpenBasis(id)?.includes('osi'), `${id} is OSI-approved there`);
    }
    assert.deepEqual(Object.keys(MOT_TYPES).sort(), [...last.keys()].sort());
  });

  it('maps every MOF component of MOT\'s settings or says why not, as our MOF module does', () => {
    assert.deepEqual([...MOF_MAPPED].sort(), mofSettings.components.map((c) => c.name).sort());
    for (const name of MOF_MAPPED) assert.ok(MOF_COMPONENTS.find((c) => c.name === name)!.source, name);
  });

  for (const pair of recorded.pairs) {
    it(`${pair.file} ↔ ${pair.ours}: every comparison agrees or is a judged disagreement, and none is stale`, async () => {
      const computed = await compute(pair);
      const byField = new Map((pair.checks ?? []).map((c) => [c.field, c]));
      assert.deepEqual([...byField.keys()].sort(), computed.map((c) => c.field).sort(), `${pair.file}: recorded fields differ from the computed ones`);
      for (const c of computed) {
        const r = byField.get(c.field)!;
        const at = `${pair.file} ↔ ${pair.ours} ${c.field}`;
        assert.deepEqual({ theirs: r.theirs, ours: r.ours, agree: r.agree }, { theirs: c.theirs, ours: c.ours, agree: c.agree }, `${at}: stale entry, re-judge it`);
        if (c.agree) {
          assert.equal(r.right, undefined, `${at}: an agreement needs no judgement`);
          continue;
        }
        assert.ok(r.right && RIGHT.includes(r.right), `${at}: disagreement without right: ${RIGHT.join(' | ')}`);
        assert.ok(r.why?.trim(), `${at}: disagreement without why`);
        assert.ok(r.evidence?.length && r.evidence.every((u) => u.startsWith('https://')), `${at}: disagreement without https evidence`);
      }
    });
  }

  it('the documentation states the current counts', () => {
    const checks = recorded.pairs.flatMap((p) => p.checks ?? []);
    const doc = readFileSync(join(ROOT, 'docs/CROSSCHECK.md'), 'utf8');
    const agree = checks.filter((c) => c.agree).length;
    assert.ok(doc.includes(`${recorded.pairs.length} pairs, ${checks.length} comparisons: ${agree} agree, ${checks.length - agree} disagree`), 'update the counts in docs/CROSSCHECK.md');
  });

  // Not a check: a tool for re-judging after registry edits, registered only when asked for.
  if (process.env.CROSSCHECK_DRAFT) it('writes a draft of the recomputed file to CROSSCHECK_DRAFT', async () => {
    const pairs: Pair[] = [];
    for (const pair of recorded.pairs) {
      const old = new Map((pair.checks ?? []).map((c) => [c.field, c]));
      const checks = (await compute(pair)).map((c): Check => {
        const r = old.get(c.field);
        const same = r && r.theirs === c.theirs && r.ours === c.ours && r.agree === c.agree;
        return same && !c.agree ? { ...c, right: r.right, why: r.why, evidence: r.evidence } : c;
      });
      pairs.push({ ...pair, checks });
    }
    // Pending records given an `ours` become pairs with their comparisons (to be judged by hand);
    // reference records with candidates that are not yet listed become pending.
    const pending: Pending[] = [];
    for (const p of recorded.pending ?? []) {
      if (!p.ours) { pending.push(p); continue; }
      const pair: Pair = { source: p.source, file: p.file, ours: p.ours, version: p.version ?? '', match: p.match ?? '' };
      pairs.push({ ...pair, checks: await compute(pair) });
    }
    const none: string[] = [];
    const known = new Set([...recorded.pairs, ...recorded.unmatched, ...(recorded.pending ?? [])].map((p) => p.file));
    for (const { source, file } of referenceFiles()) {
      if (known.has(file)) continue;
      const found = await counterparts(file);
      if (found.length) pending.push({ source, file, candidates: found });
      else none.push(file);
    }
    Object.assign(recorded, { pending, no_counterpart: none });
    const header = readFileSync(DATA_FILE, 'utf8').match(/^(#.*\n)*/)![0];
    writeFileSync(process.env.CROSSCHECK_DRAFT!, header + stringify({ ...recorded, pairs }, { lineWidth: 0 }));
  });
});
