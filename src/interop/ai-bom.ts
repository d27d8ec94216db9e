// AI bills of materials: a record as a CycloneDX 1.6 ML-BOM (model card, datasets, code, licenses). Export only.
import { createHash } from 'node:crypto';
import { licenseIds, resolveLicense } from '../core/expression.js';
import type { ComponentEntry, ModelRecord } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import { COMPONENTS } from '../core/taxonomy.js';
import type { ImportResult } from './draft.js';
import { type ExportedFile, FORMAT_INFO, type Format } from './format.js';

/** A stable RFC 4122 UUID (version 5 layout) from a name, so the same record always gives the same BOM serial number. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(`howopen:${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Licensing = { kind: 'spdx'; expression: string } | { kind: 'named'; names: string[] } | { kind: 'none' } | { kind: 'unknown'; text?: string };

/** How a part's license reads outside howopen: an SPDX expression when every license has an SPDX id, else the names; unknown stays unknown. */
export function licensing(entry: ComponentEntry | undefined, registry: Registry): Licensing {
  if (!entry || entry.status !== 'public') return { kind: 'unknown' };
  if (!entry.license) return { kind: 'none' };
  const resolved = resolveLicense(entry.license, registry.index);
  if (!resolved.ok) return { kind: 'unknown', text: entry.license };
  const licenses = licenseIds(resolved.tree).map((id) => registry.index.byId.get(id)!);
  if (licenses.every((l) => l.spdx)) {
    let expression = resolved.expression;
    for (const l of licenses) expression = expression.replace(new RegExp(`(?<![\\w.+-])${l.id.replace(/[.+]/g, '\\$&')}(?![\\w.-])`, 'g'), l.spdx!);
    return { kind: 'spdx', expression };
  }
  return { kind: 'named', names: licenses.map((l) => (l.spdx ? l.spdx : l.name)) };
}

/** CycloneDX licenses: an SPDX id or expression, else the names; unknown or none is left out and said in a property. */
function cdxLicenses(l: Licensing): Record<string, unknown> {
  if (l.kind === 'spdx') return { licenses: /\s/.test(l.expression) ? [{ expression: l.expression }] : [{ license: { id: l.expression } }] };
  if (l.kind === 'named') return { licenses: l.names.map((name) => ({ license: { name } })) };
  return {};
}
const licenseNote = (l: Licensing) => (l.kind === 'none' ? 'none (released with no license: all rights reserved)' : l.kind === 'unknown' ? `unknown${l.text ? ` (${l.text})` : ''}` : l.kind === 'spdx' ? l.expression : l.names.join(' AND '));

const refs = (entry: ComponentEntry | undefined, type: string) => (entry?.evidence ?? []).map((url) => ({ type, url }));

export function cyclonedxBom(record: ModelRecord, registry: Registry): Record<string, unknown> {
  const modelRef = `model:${record.id}`;
  const weights = record.components['deployment.data.weights'];
  const weightsLicensing = licensing(weights, registry);
  const parts = COMPONENTS.filter((c) => c.key !== 'deployment.data.weights' && record.components[c.key]?.status === 'public');
  const components = parts.map((c) => {
    const entry = record.components[c.key]!;
    const l = licensing(entry, registry);
    return {
      type: c.kind === 'data' ? 'data' : 'application',
      'bom-ref': `${c.kind}:${record.id}:${c.key}`,
      name: `${record.name}: ${c.name}`,
      description: c.description,
      ...cdxLicenses(l),
      ...(c.kind === 'data' ? { data: [{ type: 'dataset', name: c.name }] } : {}),
      ...(entry.evidence?.length ? { externalReferences: refs(entry, c.kind === 'data' ? 'distribution' : 'vcs') } : {}),
      properties: [{ name: 'howopen:component', value: c.key }, { name: 'howopen:license', value: licenseNote(l) }],
    };
  });
  const datasets = components.filter((c) => c.type === 'data' && String(c['bom-ref']).includes(':training.data.')).map((c) => ({ ref: c['bom-ref'] }));
  const docs = Object.entries(record.documentation ?? {}).filter(([, e]) => e?.status === 'public').flatMap(([k, e]) => (e!.evidence ?? []).map((url) => ({ type: k === 'model_card' || k === 'data_card' ? 'documentation' : 'other', url, comment: k.replace(/_/g, ' ') })));
  const model = {
    type: 'machine-learning-model',
    'bom-ref': modelRef,
    name: record.name,
    supplier: { name: record.organization },
    ...cdxLicenses(weightsLicensing),
    ...(weights?.evidence?.length || docs.length ? { externalReferences: [...refs(weights, 'distribution'), ...docs] } : {}),
    modelCard: {
      modelParameters: {
        ...(datasets.length ? { datasets } : {}),
        ...(record.modality ? { inputs: [{ format: record.modality }], outputs: [{ format: record.modality }] } : {}),
      },
      properties: [{ name: 'howopen:weights', value: weights?.status ?? 'unknown' }, { name: 'howopen:released', value: record.released }],
    },
    properties: [{ name: 'howopen:id', value: record.id }, { name: 'howopen:weights-license', value: licenseNote(weightsLicensing) }],
  };
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${stableUuid(`cyclonedx:${record.id}`)}`,
    version: 1,
    metadata: {
      tools: { components: [{ type: 'application', name: 'howopen' }] },
      component: model,
    },
    components,
    dependencies: [{ ref: modelRef, dependsOn: components.map((c) => c['bom-ref']) }],
  };
}

const exportOnly = (name: string) => (_text: string, file: string): ImportResult => ({
  drafts: [], problems: [{ file, line: 1, col: 1, severity: 'error', message: `${name} is an export format: howopen writes it but does not read it` }],
});

export const cyclonedx: Format = {
  name: 'cyclonedx',
  ...FORMAT_INFO['cyclonedx'],
  importText: exportOnly('cyclonedx'),
  exportRecord: (record, registry): ExportedFile => ({ name: `${record.id}.cdx.json`, text: `${JSON.stringify(cyclonedxBom(record, registry), null, 2)}\n` }),
};

const SPDX_CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';
/** SPDX 3.0.1's own individuals for "no assertion" and "none" where a license is expected. */
const NO_ASSERTION_LICENSE = 'https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoAssertionLicense';
const NONE_LICENSE = 'https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoneLicense';
const DATASET_TYPE: Record<string, string> = { text: 'text', code: 'text', image: 'image', audio: 'audio', speech: 'audio', video: 'video' };

/** A custom license as SPDX writes one: LicenseRef- and an idstring of letters, digits, dots and dashes. */
const licenseRef = (id: string) => `LicenseRef-howopen-${id.replace(/[^A-Za-z0-9.-]/g, '-')}`;

/** SPDX 3.0.1 JSON-LD with the AI and Dataset profiles: the model as an ai_AIPackage, its public datasets as dataset_DatasetPackage, licenses as expressions. */
export function spdxDocument(record: ModelRecord, registry: Registry, created: string): Record<string, unknown> {
  const ns = `urn:howopen:${record.id}`;
  const ci = '_:creationinfo';
  const graph: Record<string, unknown>[] = [];
  const elements: string[] = [];
  const add = (e: Record<string, unknown>) => { graph.push({ ...e, creationInfo: ci }); elements.push(String(e.spdxId)); };
  graph.push({ type: 'CreationInfo', '@id': ci, specVersion: '3.0.1', created, createdBy: [`${ns}:agent`], createdUsing: [`${ns}:tool`] });
  add({ type: 'SoftwareAgent', spdxId: `${ns}:agent`, name: 'howopen' });
  add({ type: 'Tool', spdxId: `${ns}:tool`, name: 'howopen' });
  add({ type: 'Organization', spdxId: `${ns}:supplier`, name: record.organization });
  let n = 0;
  const licenseOf = (from: string, entry: ComponentEntry | undefined) => {
    const l = licensing(entry, registry);
    let to: string;
    if (l.kind === 'unknown') to = NO_ASSERTION_LICENSE;
    else if (l.kind === 'none') to = NONE_LICENSE;
    else {
      const resolved = resolveLicense(entry!.license!, registry.index);
      let expression = resolved.ok ? resolved.expression : entry!.license!;
      if (resolved.ok) for (const id of licenseIds(resolved.tree)) {
        const lic = registry.index.byId.get(id)!;
        expression = expression.replace(new RegExp(`(?<![\\w.+-])${id.replace(/[.+]/g, '\\$&')}(?![\\w.-])`, 'g'), lic.spdx ?? licenseRef(id));
      }
      to = `${ns}:license-${++n}`;
      add({ type: 'simplelicensing_LicenseExpression', spdxId: to, simplelicensing_licenseExpression: expression });
    }
    add({ type: 'Relationship', spdxId: `${ns}:rel-${++n}`, from, relationshipType: 'hasDeclaredLicense', to: [to] });
  };
  const weights = record.components['deployment.data.weights'];
  const model = `${ns}:model`;
  add({
    type: 'ai_AIPackage', spdxId: model, name: record.name, suppliedBy: `${ns}:supplier`,
    releaseTime: `${record.released}-01T00:00:00Z`, software_primaryPurpose: 'model',
    ...(weights?.status === 'public' && weights.evidence?.[0] ? { software_downloadLocation: weights.evidence[0] } : {}),
    comment: `howopen record ${record.id}; weights ${weights?.status ?? 'unknown'}. Release month only: the day is the first of the month.`,
  });
  licenseOf(model, weights);
  for (const c of COMPONENTS.filter((x) => x.kind === 'data' && x.key !== 'deployment.data.weights')) {
    const entry = record.components[c.key];
    if (entry?.status !== 'public') continue;
    const id = `${ns}:data:${c.key}`;
    add({
      type: 'dataset_DatasetPackage', spdxId: id, name: `${record.name}: ${c.name}`, software_primaryPurpose: 'data',
      dataset_datasetType: [DATASET_TYPE[record.modality ?? ''] ?? 'noAssertion'],
      ...(entry.evidence?.[0] ? { software_downloadLocation: entry.evidence[0] } : {}),
    });
    licenseOf(id, entry);
    add({ type: 'Relationship', spdxId: `${ns}:rel-${++n}`, from: model, relationshipType: c.stage === 'evaluation' ? 'testedOn' : 'trainedOn', to: [id] });
  }
  graph.push({ type: 'SpdxDocument', spdxId: `${ns}:document`, creationInfo: ci, name: `${record.name} (howopen AI BOM)`, profileConformance: ['core', 'software', 'simpleLicensing', 'ai', 'dataset'], rootElement: [model], element: elements });
  return { '@context': SPDX_CONTEXT, '@graph': JSON.parse(JSON.stringify(graph)) };
}

export const spdx: Format = {
  name: 'spdx',
  ...FORMAT_INFO['spdx'],
  importText: exportOnly('spdx'),
  exportRecord: (record, registry): ExportedFile => ({ name: `${record.id}.spdx.json`, text: `${JSON.stringify(spdxDocument(record, registry, new Date().toISOString().replace(/\.\d+Z$/, 'Z')), null, 2)}\n` }),
};
