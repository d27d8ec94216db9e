// The reference suite's data: third-party records from the field, in the folder HOWOPEN_REFERENCE names (default ../shared/reference).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The reference folder; the suite fails loudly, once, when it is missing, instead of skipping. */
export const REFERENCE = resolve(process.env.HOWOPEN_REFERENCE ?? '../shared/reference');

if (!existsSync(REFERENCE) || !statSync(REFERENCE).isDirectory()) {
  throw new Error(`the reference suite needs the reference data folder, and ${REFERENCE} is not one: set HOWOPEN_REFERENCE to the folder that holds eiras-site/, osai-index/, mot/ and license-texts/ (see README.md, "Tests")`);
}

/** A path in the reference data; missing is an error naming it. */
export function mustExist(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing from the reference data (HOWOPEN_REFERENCE=${REFERENCE})`);
  return path;
}

export const SITE_DIR = join(REFERENCE, 'eiras-site/_llms');
export const OSAI_DIR = join(REFERENCE, 'osai-index');
export const MOT_DIR = join(REFERENCE, 'mot');
export const LICENSE_TEXTS = join(REFERENCE, 'license-texts');

export function referenceFiles(dir: string, ext: RegExp): { name: string; path: string; text: string }[] {
  return readdirSync(mustExist(dir)).filter((n) => ext.test(n)).sort().map((name) => ({ name, path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

export interface SiteModel {
  stem: string;
  title: string;
  release: { month: number; year: number };
  values: Record<string, { value: number | string; license?: string }>;
}

/** The paper's site files, read straight from the reference copy. */
export function siteModels(): SiteModel[] {
  return referenceFiles(SITE_DIR, /\.md$/).map(({ name, text }) => {
    const front = parse(text.split(/^---\s*$/m)[1]!) as Record<string, unknown>;
    const values: SiteModel['values'] = {};
    for (const stage of ['training', 'evaluation', 'deployment']) {
      for (const [kind, comps] of Object.entries(front[stage] as Record<string, Record<string, { value: number | string; license?: string }>>)) {
        for (const [n, v] of Object.entries(comps)) values[`${stage}.${kind}.${n}`] = v;
      }
    }
    return { stem: name.replace(/\.md$/, ''), title: String(front.title), release: front.release as SiteModel['release'], values };
  });
}
