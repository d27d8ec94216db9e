// Generated registries for the benchmarks: n records derived from the bundled ones, each checked by validate's rules.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Registry } from '../src/core/registry.js';
import { checkRecordYaml, recordToYaml } from '../src/interop/record-yaml.js';
import { generated } from '../test/server/helpers.js';

/** n generated models; throws on the first record `howopen validate` would reject. */
export function validGenerated(registry: Registry, n: number): Registry {
  const next = generated(registry, n);
  for (const m of next.models) {
    const file = `${m.id}.yaml`;
    const problems = checkRecordYaml(recordToYaml(m), file, next);
    if (problems.length) throw new Error(`generated record ${file} does not validate: ${JSON.stringify(problems[0])}`);
  }
  return next;
}

/** A registry folder on disk (the bundled licenses and families, n generated model files), for CLI runs. */
export function registryFolder(source: string, registry: Registry): string {
  const dir = mkdtempSync(join(tmpdir(), 'howopen-bench-'));
  cpSync(join(source, 'licenses'), join(dir, 'licenses'), { recursive: true });
  cpSync(join(source, 'families.yaml'), join(dir, 'families.yaml'));
  mkdirSync(join(dir, 'models'));
  for (const m of registry.models) writeFileSync(join(dir, 'models', `${m.id}.yaml`), recordToYaml(m));
  return dir;
}
