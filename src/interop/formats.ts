// The formats howopen imports and exports, by name; adding one is a module and a line here.
import { cyclonedx, spdx } from './ai-bom.js';
import { eirasSite } from './eiras-site.js';
import type { Format } from './format.js';
import { json } from './json.js';
import { mof } from './mof.js';
import { osaiIndex } from './osai-index.js';

export const FORMATS: readonly Format[] = [eirasSite, osaiIndex, mof, json, cyclonedx, spdx];

export function findFormat(name: string): Format | undefined {
  return FORMATS.find((f) => f.name === name);
}
