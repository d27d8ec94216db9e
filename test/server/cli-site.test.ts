// The serve and build-site commands: the server prints its URL and honours --port/$PORT and --registry; the export works from a plain static server.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers.js';
import { KNOWN, POISONED_ID, type Running, bundledRegistry, poisonedRegistryDir, serveFiles } from './helpers.js';

/** Starts `howopen serve` (the built binary, as `npm start` runs it) and waits for the URL it prints. */
function startCli(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/howopen.js'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no URL printed within 20 s:\n${out}`)); }, 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/[^\s/]+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1]!, out }); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${out}`)); });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) { resolve(); return; }
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('howopen serve', () => {
  it('prints the URL and serves the index; --port 0 picks a free port', async () => {
    const { child, url, out } = await startCli(['serve', '--port', '0']);
    try {
      assert.match(out, /serving \d+ models and \d+ licenses at http:\/\/127\.0\.0\.1:\d+\//);
      const res = await fetch(url);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /How open is each model\?/);
    } finally { await stop(child); }
  });

  it('takes $PORT and --registry', async () => {
    const dir = poisonedRegistryDir();
    const { child, url } = await startCli(['--registry', dir, 'serve'], { PORT: '0' });
    try {
      const list = await (await fetch(`${url}api/v1/models`)).json() as { models: { id: string }[] };
      assert.deepEqual(list.models.map((m) => m.id).sort(), [...KNOWN, POISONED_ID].sort());
    } finally { await stop(child); }
  });

  it('refuses a bad port with exit 2', async () => {
    const r = await runCli(['serve', '--port', 'eighty']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--port must be a number/);
  });
});

describe('howopen build-site', () => {
  const out = mkdtempSync(join(tmpdir(), 'howopen-site-'));
  let server: Running;
  let files: string[] = [];

  before(async () => {
    const r = await runCli(['build-site', out, '--as-of', '2027-09-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote \d+ files .*verdicts as of 2027-09-01/);
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    files = walk(out).map((f) => relative(out, f).split('\\').join('/'));
    server = await serveFiles(out);
  });
  after(() => server?.close());

  it('writes every page with its JSON and CSV twins, badges and assets', async () => {
    const { registry } = await bundledRegistry();
    for (const f of ['index.html', 'index.json', 'index.csv', 'index-published.html', 'index-lenient.html', 'compare.html', 'licenses.html', 'licenses.json', 'stats.html', 'stats.csv', 'method.html', 'assets/app.js', 'assets/style.css', '404.html']) assert.ok(files.includes(f), f);
    for (const m of registry.models) for (const ext of ['html', 'json', 'csv']) assert.ok(files.includes(`models/${m.id}.${ext}`), `models/${m.id}.${ext}`);
    for (const m of registry.models) for (const ext of ['svg', 'json']) assert.ok(files.includes(`badges/${m.id}.${ext}`));
    for (const l of registry.licenses) assert.ok(files.includes(`licenses/${l.id}.html`), l.id);
  });

  it('links only relatively, and every link resolves to a written file', () => {
    let checked = 0;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(out, file), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        const target = m[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        assert.ok(!target.startsWith('/'), `${file}: absolute link ${target}`);
        const path = posix.normalize(posix.join(posix.dirname(file), target.split(/[?#]/)[0]!));
        assert.ok(existsSync(join(out, path)), `${file}: ${target} → ${path} does not exist`);
        checked++;
      }
    }
    assert.ok(checked > 1000);
  });

  it('is served by a plain static file server', async () => {
    for (const path of ['/', '/index.html', '/models/llama-2.html', '/models/llama-2.json', '/badges/pythia.svg', '/licenses/MIT.html', '/stats.html', '/assets/app.js']) {
      const res = await fetch(server.url + path);
      assert.equal(res.status, 200, path);
    }
    const model = await (await fetch(`${server.url}/models/llama-2.html`)).text();
    assert.match(model, /<link rel="stylesheet" href="\.\.\/assets\/style\.css\?v=[0-9a-f]+">/);
    assert.match(model, /<a href="\.\.\/licenses\/llama2\.html">llama2<\/a>/);
  });

  it('dates the verdicts at build time and says so on the pages and in the twins', () => {
    const model = readFileSync(join(out, 'models/llama-2.html'), 'utf8');
    assert.match(model, /<section class="verdicts" id="verdicts"/);
    assert.match(model, /Dated rules read as of <time datetime="2027-09-01">2027-09-01<\/time>, the day this site was built\./);
    assert.doesNotMatch(model, /name="as-of"/, 'no date form on a static host');
    const json = JSON.parse(readFileSync(join(out, 'models/llama-2.json'), 'utf8')) as { asOf: string; frameworks: { euAiAct: { obligations: { inForce: string }[] } }; advice: unknown[] };
    assert.equal(json.asOf, '2027-09-01');
    assert.ok(json.frameworks.euAiAct.obligations.some((o) => o.inForce === 'yes'));
    assert.ok(json.advice.length > 0);
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /as of <time datetime="2027-09-01">/);
    assert.match(readFileSync(join(out, 'compare.html'), 'utf8'), /read as of <time datetime="2027-09-01">2027-09-01<\/time>, the day this site was built/);
  });

  it('refuses a registry with problems with exit 2: a duplicate id would overwrite another model\'s files', async () => {
    const dir = poisonedRegistryDir();
    copyFileSync(join(dir, 'models', 'pythia.yaml'), join(dir, 'models', 'pythia-copy.yaml'));
    const target = mkdtempSync(join(tmpdir(), 'howopen-site-'));
    const r = await runCli(['--registry', dir, 'build-site', target]);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /problem/);
    assert.match(r.stderr, /duplicate/i);
    assert.deepEqual(readdirSync(target), [], 'nothing written');
  });

  it('refuses a bad --as-of with exit 2', async () => {
    const r = await runCli(['build-site', mkdtempSync(join(tmpdir(), 'howopen-site-')), '--as-of', '2027-02-30']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--as-of must be a date/);
  });
});
