// The store's workflow against both PostgreSQLs: submit as validate checks, review, two approvals, staleness, repair, people, disputes, the audit log.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { validateFiles } from '../../src/registry/load.js';
import { migrate } from '../../src/store/migrate.js';
import { personByToken } from '../../src/store/people.js';
import { type Actor, StoreError, textHash } from '../../src/store/store.js';
import { BACKENDS } from './databases.js';
import { type Opened, exampleRecord, openStore } from './fixtures.js';

async function rejects(work: Promise<unknown>, status: number): Promise<StoreError> {
  try {
    await work;
  } catch (e) {
    assert.ok(e instanceof StoreError, `expected a StoreError, got ${String(e)}`);
    assert.equal(e.status, status, e.message);
    return e;
  }
  assert.fail(`expected a ${status}`);
}

for (const backend of BACKENDS) {
  describe(`store on ${backend.name}`, () => {
    let o: Opened;
    let reviewer: Actor;
    let submitter: Actor;
    let crashNext = false;
    before(async () => {
      o = await openStore(await backend.fresh(), { afterCommit: () => { if (crashNext) { crashNext = false; throw new Error('crash between commit and write'); } } });
      reviewer = { person: (await o.store.createUser('rita', 'reviewer')).person, address: '127.0.0.1' };
      submitter = { person: (await o.store.createUser('sam', 'submitter')).person, address: '127.0.0.1' };
    });
    after(() => o.store.close());

    it('applies each migration once', async () => {
      assert.deepEqual(await migrate(o.store.db), []);
      const tables = await o.store.db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
      assert.deepEqual(tables.map((r) => r.t), ['audit_log', 'disputes', 'history', 'people', 'reviews', 'schema_migrations', 'sessions', 'submissions', 'tokens']);
    });

    it('checks a submission exactly as validate checks the same file', async () => {
      const bad = exampleRecord('bad-model', 'Apache-2.O').replace('organization: Example Org\n', '').replace('status: closed', 'status: clsoed');
      const file = join(o.dir, 'bad-model.yaml');
      writeFileSync(file, bad);
      const expected = await validateFiles([file], o.current());
      const result = await o.store.submit(bad, file, {});
      assert.equal(result.ok, false);
      assert.ok(expected.length >= 2);
      assert.deepEqual(!result.ok && result.problems, expected);
      assert.equal((await o.store.queue()).filter((s) => s.modelId === 'bad-model').length, 0, 'nothing is queued');
    });

    it('queues an anonymous submission as unverified, with the diff that adds the model', async () => {
      const result = await o.store.submit(exampleRecord('anon-model'), 'anon-model.yaml', { address: '10.0.0.1' });
      assert.ok(result.ok);
      assert.equal(result.diff.added, true);
      assert.equal(result.diff.cells.length, 12);
      assert.equal(result.diff.cells.find((c) => c.component === 'deployment.data.weights')?.levelAfter, 'D5');
      const queued = (await o.store.queue()).find((s) => s.id === result.id)!;
      assert.equal(queued.verified, false);
      assert.equal(queued.submittedBy, null);
      assert.equal(queued.baseText, null);
    });

    it('approval needs a reviewer: 401 without an account, 403 for a submitter', async () => {
      const r = await o.store.submit(exampleRecord('role-model'), 'x', submitter);
      assert.ok(r.ok);
      await rejects(o.store.approve(r.id, {}), 401);
      await rejects(o.store.approve(r.id, submitter), 403);
      await rejects(o.store.decide(r.id, submitter, 'reject', 'no'), 403);
    });

    it('approving writes the record into the registry, records history and reloads', async () => {
      const text = exampleRecord('new-model');
      const r = await o.store.submit(text, 'new-model.yaml', submitter, 'first release');
      assert.ok(r.ok);
      const reloads = o.reloads;
      const { submission, change } = await o.store.approve(r.id, reviewer);
      assert.equal(submission.status, 'approved');
      const file = join(o.dir, 'models', 'new-model.yaml');
      assert.equal(readFileSync(file, 'utf8'), text);
      assert.deepEqual(await validateFiles([file], o.current()), []);
      assert.equal(o.reloads, reloads + 1);
      assert.equal(o.current().model('new-model')?.name, 'Example Model');
      const history = await o.store.historyOf('new-model');
      assert.equal(history.length, 1);
      assert.equal(history[0]!.id, change);
      assert.equal(history[0]!.author, 'sam');
      assert.equal(history[0]!.reason, 'first release');
      assert.equal(history[0]!.beforeText, null);
      assert.equal(history[0]!.written, true);
    });

    it('two approvals of one submission: one wins, the other gets 409 with the state', async () => {
      const r = await o.store.submit(exampleRecord('race-model'), 'x', submitter);
      assert.ok(r.ok);
      const other = { person: (await o.store.createUser('rob', 'reviewer')).person };
      const results = await Promise.allSettled([o.store.approve(r.id, reviewer), o.store.approve(r.id, other)]);
      assert.equal(results.filter((x) => x.status === 'fulfilled').length, 1);
      const failed = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
      assert.equal((failed.reason as StoreError).status, 409);
      assert.deepEqual((failed.reason as StoreError).detail, { status: 'approved' });
      assert.equal((await o.store.historyOf('race-model')).length, 1);
    });

    it('a submission whose model changed after it was sent is stale until approved against the new file', async () => {
      const a = await o.store.submit(exampleRecord('new-model', 'MIT', 'Example Model A'), 'x', submitter);
      const b = await o.store.submit(exampleRecord('new-model', 'Apache-2.0', 'Example Model B'), 'x', submitter);
      assert.ok(a.ok && b.ok);
      assert.equal(a.diff.added, false);
      assert.deepEqual(a.diff.cells.map((c) => [c.component, c.levelBefore, c.levelAfter]), [['deployment.data.weights', 'D5', 'D5']]);
      assert.deepEqual(a.diff.fields.map((f) => f.field), ['name']);
      await o.store.approve(a.id, reviewer);
      const view = await o.store.show(b.id);
      assert.equal(view.stale, true);
      assert.equal(view.submission.stale, true);
      const err = await rejects(o.store.approve(b.id, reviewer), 409);
      const current = readFileSync(join(o.dir, 'models', 'new-model.yaml'), 'utf8');
      assert.equal((err.detail as { currentHash: string }).currentHash, textHash(current));
      await rejects(o.store.approve(b.id, reviewer, { base: 'not-the-hash' }), 409);
      await o.store.approve(b.id, reviewer, { base: view.currentHash });
      const history = await o.store.historyOf('new-model');
      assert.equal(history.at(-1)!.beforeText, current);
      assert.match(readFileSync(join(o.dir, 'models', 'new-model.yaml'), 'utf8'), /Example Model B/);
    });

    it('request changes and reject need a comment, and only from a pending state', async () => {
      const r = await o.store.submit(exampleRecord('sent-back'), 'x', submitter);
      assert.ok(r.ok);
      await rejects(o.store.decide(r.id, reviewer, 'request_changes', ''), 400);
      const back = await o.store.decide(r.id, reviewer, 'request_changes', 'cite the weights license');
      assert.equal(back.status, 'changes_requested');
      await rejects(o.store.approve(r.id, reviewer), 409);
      const rejected = await o.store.decide(r.id, reviewer, 'reject', 'duplicate of example-model');
      assert.equal(rejected.status, 'rejected');
      await rejects(o.store.decide(r.id, reviewer, 'reject', 'again'), 409);
      const view = await o.store.show(r.id);
      assert.deepEqual(view.reviews.map((x) => [x.action, x.reviewer, x.comment]), [['request_changes', 'rita', 'cite the weights license'], ['reject', 'rita', 'duplicate of example-model']]);
    });

    it('a change committed but not written (a crash between the two) is written by repair', async () => {
      const r = await o.store.submit(exampleRecord('crash-model'), 'x', submitter);
      assert.ok(r.ok);
      crashNext = true;
      await assert.rejects(o.store.approve(r.id, reviewer), /crash between commit and write/);
      const file = join(o.dir, 'models', 'crash-model.yaml');
      assert.throws(() => readFileSync(file), /ENOENT/);
      assert.deepEqual((await o.store.historyOf('crash-model')).map((c) => c.written), [false]);
      assert.equal(await o.store.repair(), 1);
      assert.equal(readFileSync(file, 'utf8'), exampleRecord('crash-model'));
      assert.deepEqual((await o.store.historyOf('crash-model')).map((c) => c.written), [true]);
      assert.equal(await o.store.repair(), 0);
    });

    it('issues tokens shown once and kept as scrypt hashes; a wrong token is 401', async () => {
      const { person, token } = await o.store.createUser('tess', 'submitter');
      assert.match(token, /^ho_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
      assert.deepEqual(await personByToken(o.store.db, token), person);
      const rows = await o.store.db.query<{ hash: string }>('SELECT hash FROM tokens WHERE person_id = $1', [person.id]);
      assert.equal(rows.length, 1);
      assert.match(rows[0]!.hash, /^scrypt\$/);
      assert.ok(!rows[0]!.hash.includes(token.split('_')[2]!));
      await rejects(personByToken(o.store.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`), 401);
      await rejects(personByToken(o.store.db, 'nonsense'), 401);
      await rejects(o.store.createUser('tess', 'admin'), 409);
      await rejects(o.store.createUser('bad name', 'admin'), 400);
    });

    it('disputes a cell, and resolves it once with a public reason', async () => {
      await rejects(o.store.dispute('no-such-model', 'deployment.data.weights', 'x', [], {}), 404);
      await rejects(o.store.dispute('llama-2', 'weights', 'x', [], {}), 400);
      await rejects(o.store.dispute('llama-2', 'deployment.data.weights', 'x', ['javascript:alert(1)'], {}), 400);
      const id = await o.store.dispute('llama-2', 'deployment.data.weights', 'the license changed', ['https://example.org/evidence'], {});
      assert.deepEqual((await o.store.openDisputes()).map((d) => d.id), [id]);
      await rejects(o.store.resolve(id, 'rejected', 'no', submitter), 403);
      const done = await o.store.resolve(id, 'rejected', 'the cited page is about another model', reviewer);
      assert.equal(done.status, 'rejected');
      assert.equal(done.resolvedBy, 'rita');
      await rejects(o.store.resolve(id, 'accepted', 'x', reviewer), 409);
      assert.deepEqual(await o.store.openDisputes(), []);
    });

    it('accepts a dispute as a change: the cell fixed, checked as validate checks it, queued or applied by the same approval', async () => {
      const made = await o.store.submit(exampleRecord('disputed-model'), 'disputed-model.yaml', submitter);
      assert.ok(made.ok);
      await o.store.approve(made.id, reviewer);
      const cell = 'deployment.data.weights';
      const queued = await o.store.dispute('disputed-model', cell, 'the weights were taken down', ['https://example.org/takedown'], submitter);
      await rejects(o.store.resolve(queued, 'accepted', 'right', reviewer), 400);
      const bad = await rejects(o.store.resolve(queued, 'accepted', 'right', reviewer, { fix: 'status: public\nlicense: Apache-2.O\n' }), 400);
      assert.match(bad.message, /^fix: .*\d+:\d+: .*Apache-2\.O/);
      await rejects(o.store.resolve(queued, 'accepted', 'right', reviewer, { fix: '[1, 2]' }), 400);
      assert.equal((await o.store.openDisputes()).filter((d) => d.id === queued).length, 1, 'a refused fix leaves the dispute open');

      const accepted = await o.store.resolve(queued, 'accepted', 'the download page is gone', reviewer, { fix: 'status: closed\nevidence: [https://example.org/takedown]\n' });
      assert.equal(accepted.status, 'accepted');
      assert.ok(accepted.submissionId !== null);
      const view = await o.store.show(accepted.submissionId!);
      assert.equal(view.submission.status, 'pending');
      assert.deepEqual(view.diff.cells.map((c) => [c.component, c.levelBefore, c.levelAfter]), [[cell, 'D5', view.diff.cells[0]!.levelAfter]]);
      assert.notEqual(view.diff.cells[0]!.levelAfter, 'D5');
      assert.match(readFileSync(join(o.dir, 'models/disputed-model.yaml'), 'utf8'), /license: Apache-2\.0/, 'queued, not yet written');
      const { change } = await o.store.approve(accepted.submissionId!, reviewer);
      const entry = (await o.store.historyOf('disputed-model')).find((h) => h.id === change)!;
      assert.deepEqual(entry.evidence, ['https://example.org/takedown']);
      assert.equal(o.current().model('disputed-model')?.components?.[cell]?.status, 'closed');

      const applied = await o.store.dispute('disputed-model', cell, 'it is back', ['https://example.org/back'], {});
      const done = await o.store.resolve(applied, 'accepted', 'republished', reviewer, { fix: { status: 'public', license: 'MIT', evidence: ['https://example.org/back'] }, apply: true });
      assert.equal((await o.store.show(done.submissionId!)).submission.status, 'approved');
      assert.equal(o.current().model('disputed-model')?.components?.[cell]?.license, 'MIT');
      assert.match(readFileSync(join(o.dir, 'models/disputed-model.yaml'), 'utf8'), /license: MIT/);
    });

    it('logs every write with its actor and address', async () => {
      const log = await o.store.db.query<{ action: string; actor: string | null; address: string | null }>('SELECT a.action, p.name AS actor, a.address FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id ORDER BY a.id');
      const actions = new Set(log.map((l) => l.action));
      for (const a of ['create-user', 'submit', 'approve', 'request_changes', 'reject', 'dispute', 'dispute-rejected', 'dispute-accepted']) assert.ok(actions.has(a), a);
      assert.ok(log.some((l) => l.action === 'submit' && l.actor === null && l.address === '10.0.0.1'));
      assert.ok(log.filter((l) => l.action === 'approve').every((l) => l.actor === 'rita' || l.actor === 'rob'));
    });
  });
}
