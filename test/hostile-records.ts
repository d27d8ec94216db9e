// A valid model record to break one field at a time, for the hostile-input tests of the CLI and the server.
import { COMPONENT_KEYS } from '../src/core/taxonomy.js';

/** A valid record; `weights` is the weights' license, `extra` more top-level lines. */
export function record(weights = 'MIT', extra = '', id = 'hostile'): string {
  const components = COMPONENT_KEYS.map((k) => (k === 'deployment.data.weights' ? `  ${k}:\n    status: public\n    license: ${weights}\n` : `  ${k}: { status: closed }\n`)).join('');
  return `id: ${id}\nname: Hostile\norganization: Tests\nreleased: "2024-01"\n${extra}components:\n${components}`;
}
