// "Can I use it commercially?" gets the same answer from the CLI, the web index and the API, and the core's answer decides all three.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { tableRows } from '../../src/core/table.js';
import { answerFor } from '../../src/core/rights.js';
import { runCli } from '../helpers.js';
import { bundledApp, bundledRegistry } from './helpers.js';

/** The ids the server-rendered index shows (rows not hidden), as a page without its script would show them. */
function shownInHtml(page: string): string[] {
  return [...page.matchAll(/<tr data-id="([^"]+)"[^>]*>/g)].filter((m) => !/\shidden[\s>]/.test(m[0])).map((m) => m[1]!);
}

const QUESTIONS = [
  // Llama-style licenses grant commercial use conditionally: the two readings answer differently.
  { where: 'deployment.data.weights.commercial=yes', form: { can: 'commercial', for: 'weights' }, subject: 'deployment.data.weights', right: 'commercial', readings: ['strict', 'lenient'] },
  { where: 'weights.relicense=yes', form: { can: 'other_license_derivative', for: 'weights' }, subject: 'weights', right: 'other_license_derivative', readings: ['lenient'] },
  { where: 'data.modify=yes', form: { can: 'modify', for: 'data' }, subject: 'data', right: 'modify', readings: ['strict'] },
  { where: 'code.commercial=yes', form: { can: 'commercial', for: 'code' }, subject: 'code', right: 'commercial', readings: ['strict'] },
] as const;

describe('the rights questions on every face', () => {
  for (const q of QUESTIONS) {
    it(`${q.where} (${q.readings.join(', ')}): CLI, web form, web where, index.json, index.csv and the API give the core's answer`, async () => {
      const { registry } = await bundledRegistry();
      const app = await bundledApp();
      for (const reading of q.readings) {
        const expected = tableRows(registry, { reading }).filter((r) => answerFor(r.classification, q.subject, q.right) === 'yes').map((r) => r.id).sort();
        const cli = await runCli(['table', '--where', q.where, '--format', 'json', '--reading', reading]);
        assert.equal(cli.code, 0, cli.stderr);
        const fromCli = (JSON.parse(cli.stdout) as { id: string }[]).map((r) => r.id).sort();
        const form = new URLSearchParams({ ...q.form, ...(reading === 'lenient' ? { reading } : {}) });
        const where = new URLSearchParams({ where: q.where, ...(reading === 'lenient' ? { reading } : {}) });
        const page = await (await app.request(`/?${form}`)).text();
        const wherePage = await (await app.request(`/?${where}`)).text();
        const api = await (await app.request(`/api/v1/models?${form}`)).json() as { models: { id: string }[] };
        const apiWhere = await (await app.request(`/api/v1/models?${where}`)).json() as { models: { id: string }[] };
        const twin = parse(await (await app.request(`/index.csv?${form}`)).text(), { columns: true }) as Record<string, string>[];
        assert.deepEqual(fromCli, expected, `CLI, ${reading}`);
        assert.deepEqual(shownInHtml(page).sort(), expected, `web form, ${reading}`);
        assert.deepEqual(shownInHtml(wherePage).sort(), expected, `web where, ${reading}`);
        assert.deepEqual(api.models.map((m) => m.id).sort(), expected, `API form parameters, ${reading}`);
        assert.deepEqual(apiWhere.models.map((m) => m.id).sort(), expected, `API where, ${reading}`);
        assert.deepEqual(twin.map((r) => r.id).sort(), expected, `index.csv, ${reading}`);
        // The CSV says the answer it was filtered on.
        const column = q.subject.includes('.') ? 'weights.commercial' : `${q.subject}.${q.right}`;
        assert.ok(twin.every((r) => r[column] === 'yes'), column);
      }
    });
  }

  it('the answers split the registry: some weights may be used commercially, some may not', async () => {
    const { registry } = await bundledRegistry();
    const answers = new Set(tableRows(registry).map((r) => answerFor(r.classification, 'weights', 'commercial')));
    assert.ok(answers.has('yes') && answers.has('no'), [...answers].join(','));
  });

  it('a bad question is a 400 with the reason on the page, its twins and the API, and exit 2 in the CLI', async () => {
    const app = await bundledApp();
    for (const path of ['/?can=resell', '/index.json?can=resell', '/api/v1/models?can=commercial&for=everything', '/api/v1/models?where=weights.commercial%3Dmaybe']) {
      const r = await app.request(path);
      assert.equal(r.status, 400, path);
      assert.match(await r.text(), /can must be a right|for must be one of|not an answer/, path);
    }
    // The form sends for= even when no question is asked: that filters nothing.
    const unasked = await app.request('/?can=&for=weights');
    assert.equal(unasked.status, 200);
    const { registry } = await bundledRegistry();
    assert.equal(shownInHtml(await unasked.text()).length, registry.models.length);
    const cli = await runCli(['table', '--where', 'weights.commercial>yes']);
    assert.equal(cli.code, 2);
    assert.match(cli.stderr, /takes = or != only/);
  });

  it('classify JSON, the model CSV and the API\'s model answer every right per component and per scope', async () => {
    const app = await bundledApp();
    const model = await (await app.request('/api/v1/models/llama-2')).json() as { classification: { components: Record<string, { can: Record<string, string> }>; can: Record<string, Record<string, string>> } };
    const cli = JSON.parse((await runCli(['classify', 'llama-2', '--format', 'json'])).stdout) as typeof model.classification;
    assert.deepEqual(cli.components['deployment.data.weights']!.can, model.classification.components['deployment.data.weights']!.can);
    assert.deepEqual(cli.can, model.classification.can);
    assert.deepEqual(Object.keys(cli.can).sort(), ['code', 'data', 'weights']);
    const text = (await runCli(['classify', 'llama-2'])).stdout;
    assert.match(text, new RegExp(`the weights: research ${cli.can.weights!.research}, commercial ${cli.can.weights!.commercial}, modify ${cli.can.weights!.modify}`));
    const doc = await (await app.request('/api/v1/openapi.json')).json() as { paths: Record<string, { get?: { parameters: { name: string }[] } }> };
    for (const name of ['can', 'for']) assert.ok(doc.paths['/models']!.get!.parameters.some((p) => p.name === name), name);
    const rows = parse(await (await app.request('/models/llama-2.csv')).text(), { columns: true }) as Record<string, string>[];
    const weights = rows.find((r) => r.component === 'deployment.data.weights')!;
    for (const right of ['research', 'commercial', 'modify', 'copyright_derivative', 'other_license_derivative']) {
      assert.equal(weights[right], model.classification.components['deployment.data.weights']!.can[right], right);
    }
  });
});
