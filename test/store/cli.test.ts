// The store from the shell against both PostgreSQLs: admin create-user, submit (checked as validate checks), review, and changes as a patch git apply takes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers.js';
import { BACKENDS } from './databases.js';
import { exampleRecord, registryCopy } from './fixtures.js';

for (const backend of BACKENDS) {
  describe(`store commands on ${backend.name}`, () => {
    let registry: string;
    let data: string;
    let store: string[];
    const saved = process.env.DATABASE_URL;
    before(async () => {
      registry = registryCopy();
      data = mkdtempSync(join(tmpdir(), 'howopen-data-'));
      const options = await backend.fresh();
      if (options.databaseUrl) process.env.DATABASE_URL = options.databaseUrl;
      store = ['--data', data];
    });
    after(() => { if (saved === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved; });
    const cli = (...args: string[]) => runCli(['--registry', registry, ...args, ...store]);

    it('creates people and prints each token once', async () => {
      const r = await cli('admin', 'create-user', 'rita', '--role', 'reviewer');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /created rita \(reviewer\)/);
      assert.match(r.stdout, /^ho_[0-9a-f]{12}_\S{32}$/m);
      assert.equal((await cli('admin', 'create-user', 'sam', '--role', 'submitter')).code, 0);
      const again = await cli('admin', 'create-user', 'rita', '--role', 'admin');
      assert.equal(again.code, 2);
      assert.match(again.stderr, /already a person named "rita"/);
      assert.equal((await cli('admin', 'create-user', 'x', '--role', 'boss')).code, 2);
    });

    it('submit reports each problem exactly as validate does, and queues nothing', async () => {
      const file = join(data, 'bad-model.yaml');
      writeFileSync(file, exampleRecord('bad-model', 'Apache-2.O').replace('status: closed', 'status: shut'));
      const validate = await runCli(['--registry', registry, 'validate', file]);
      const submit = await cli('submit', file);
      assert.equal(submit.code, 2);
      assert.equal(validate.code, 2);
      assert.equal(submit.stdout, validate.stdout);
      assert.match(submit.stdout, /bad-model\.yaml:\d+:\d+: /);
    });

    it('queues a record, lists it, refuses a submitter, approves it once, and writes the file', async () => {
      const file = join(data, 'cli-model.yaml');
      writeFileSync(file, exampleRecord('cli-model'));
      const sent = await cli('submit', file, '--comment', 'a new model');
      assert.equal(sent.code, 0, sent.stderr);
      const id = /submission (\d+) queued \(unverified/.exec(sent.stdout)?.[1];
      assert.ok(id, sent.stdout);
      const list = await cli('review', 'list', '--as', 'rita', '--format', 'json');
      assert.equal(list.code, 0, list.stderr);
      assert.deepEqual((JSON.parse(list.stdout) as { id: number; model: string }[]).map((s) => [s.id, s.model]), [[Number(id), 'cli-model']]);
      const show = await cli('review', 'show', id, '--as', 'rita');
      assert.match(show.stdout, /a new model/);
      assert.match(show.stdout, /deployment\.data\.weights: new → D5/);
      const denied = await cli('review', 'approve', id, '--as', 'sam');
      assert.equal(denied.code, 2);
      assert.match(denied.stderr, /needs the reviewer role/);
      const ok = await cli('review', 'approve', id, '--as', 'rita');
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(readFileSync(join(registry, 'models', 'cli-model.yaml'), 'utf8'), exampleRecord('cli-model'));
      const twice = await cli('review', 'approve', id, '--as', 'rita');
      assert.equal(twice.code, 2);
      assert.match(twice.stderr, /approved, not pending \(conflict\)/);
    });

    it('writes the approved changes as a patch that git apply takes in a checkout of the registry', async () => {
      const file = join(data, 'llama-2.yaml');
      const current = readFileSync(join(registry, 'models', 'llama-2.yaml'), 'utf8');
      writeFileSync(file, current.replace(/^name: .*$/m, 'name: Llama 2 (corrected)'));
      const sent = await cli('submit', file);
      const id = /submission (\d+)/.exec(sent.stdout)![1]!;
      assert.equal((await cli('review', 'approve', id, '--as', 'rita', '--comment', 'name fixed')).code, 0);
      const patch = await cli('changes', '--since', '2020-01-01', '--prefix', '');
      assert.equal(patch.code, 0, patch.stderr);
      const checkout = mkdtempSync(join(tmpdir(), 'howopen-checkout-'));
      cpSync(join(ROOT, 'registry'), checkout, { recursive: true });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: checkout, encoding: 'utf8', input: args[0] === 'apply' ? patch.stdout : undefined });
      git('init', '-q');
      git('apply', '--check', '-');
      git('apply', '-');
      for (const id of ['cli-model', 'llama-2']) assert.equal(readFileSync(join(checkout, 'models', `${id}.yaml`), 'utf8'), readFileSync(join(registry, 'models', `${id}.yaml`), 'utf8'));
      const bad = await cli('changes', '--since', '2020-02-30');
      assert.equal(bad.code, 2);
    });
  });
}
