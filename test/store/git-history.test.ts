// A model's history from the registry's git history, beside the approvals, against both PostgreSQLs: the cells each commit moved, and the record as it stood on a date.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createLivingApp } from '../../src/server/living.js';
import { gitHistoryOf } from '../../src/store/git-history.js';
import { LiveRegistry } from '../../src/store/live-registry.js';
import { BACKENDS } from './databases.js';
import { type Opened, exampleRecord, openStore, registryCopy } from './fixtures.js';

/** A registry copy made a git checkout, with an invented model added then relicensed on known dates. */
function gitRegistry(): string {
  const dir = registryCopy();
  const git = (args: string[], date?: string) => execFileSync('git', ['-C', dir, ...args], {
    stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 'Tess Ter', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Tess Ter', GIT_COMMITTER_EMAIL: 't@example.org', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-qm', 'the registry'], '2025-01-01T00:00:00Z');
  writeFileSync(join(dir, 'models/git-model.yaml'), exampleRecord('git-model', 'Apache-2.0', 'Git Model'));
  git(['add', '-A']);
  git(['commit', '-qm', 'add git-model'], '2025-01-10T12:00:00Z');
  writeFileSync(join(dir, 'models/git-model.yaml'), exampleRecord('git-model', 'MIT', 'Git Model').replace('    evidence: [https://example.org/weights]\n', '    evidence: [https://example.org/relicensed]\n').replace('components:', 'notes: "<script>alert(1)</script>"\ncomponents:'));
  git(['commit', '-qam', 'relicense <b>git-model</b>'], '2025-06-01T12:00:00Z');
  return dir;
}

describe('git history of a record file', () => {
  it('lists each revision newest first with its text; nothing outside a checkout', async () => {
    const dir = gitRegistry();
    const revisions = await gitHistoryOf(dir, 'git-model');
    assert.deepEqual(revisions.map((r) => [r.date.slice(0, 10), r.author, r.subject]), [['2025-06-01', 'Tess Ter', 'relicense <b>git-model</b>'], ['2025-01-10', 'Tess Ter', 'add git-model']]);
    assert.match(revisions[0]!.text!, /license: MIT/);
    assert.match(revisions[1]!.text!, /license: Apache-2\.0/);
    assert.deepEqual(await gitHistoryOf(dir, '../etc/passwd'), []);
    assert.deepEqual(await gitHistoryOf(mkdtempSync(join(tmpdir(), 'howopen-nogit-')), 'git-model'), []);
  });
});

for (const backend of BACKENDS) {
  describe(`history page with git on ${backend.name}`, () => {
    let o: Opened;
    let app: Hono;
    before(async () => {
      let liveRef: LiveRegistry | undefined;
      o = await openStore(await backend.fresh(), { registryDir: gitRegistry(), onRegistryChange: (ids) => liveRef!.refresh(ids) });
      const live = liveRef = new LiveRegistry(o.current(), o.dir);
      app = createLivingApp({ live, store: o.store });
    });
    after(() => o.store.close());
    const get = (path: string) => app.fetch(new Request(`http://howopen.test${path}`));

    it('shows the commits and the cells they moved beside the approvals, escaped', async () => {
      const reviewer = { person: (await o.store.createUser('rita', 'reviewer')).person };
      const made = await o.store.submit(exampleRecord('git-model', 'BSD-3-Clause', 'Git Model'), 'git-model.yaml', reviewer);
      assert.ok(made.ok);
      await o.store.approve(made.id, reviewer, { comment: 'approved here' });
      const page = await (await get('/models/git-model/history')).text();
      assert.match(page, /<li id="commit-[0-9a-f]{12}"><p><time datetime="2025-06-01[^"]*">2025-06-01<\/time> · Tess Ter · “relicense &lt;b&gt;git-model&lt;\/b&gt;”/);
      assert.match(page, /2025-01-10<\/time> · Tess Ter · “add git-model” · <code>[0-9a-f]{12}<\/code> · file added/);
      assert.match(page, /approved here/);
      const row = /<tr id="cell-deployment\.data\.weights">[^]*?<\/tr>/.exec(page)?.[0] ?? '';
      assert.match(row, /href="#commit-[0-9a-f]{12}">2025-06-01<\/a>/, 'the relicensing commit on the cell\'s row');
      assert.match(row, /href="#change-\d+">\d{4}-\d\d-\d\d<\/a>/, 'and the approval');
      assert.ok(!page.includes('<script>alert'));
    });

    it('?as-of=DATE shows the record as it stood then; a bad date is a 400', async () => {
      const at = async (date: string) => /<section id="as-of">[^]*?<\/section>/.exec(await (await get(`/models/git-model/history?as-of=${date}`)).text())?.[0] ?? '';
      const march = await at('2025-03-01');
      assert.match(march, /From commit [0-9a-f]{12}/);
      assert.match(march, /<code>deployment\.data\.weights<\/code>[^]*?<td>public<\/td><td>Apache-2\.0<\/td>/);
      assert.match(await at('2025-07-01'), /<code>deployment\.data\.weights<\/code>[^]*?<td>public<\/td><td>MIT<\/td>/);
      assert.match(await at(new Date().toISOString().slice(0, 10)), /From approved change \d+[^]*<td>BSD-3-Clause<\/td>/);
      assert.match(await at('2024-12-01'), /Neither an approval nor a commit/);
      assert.equal((await get('/models/git-model/history?as-of=2025-13-45')).status, 400);
    });
  });
}
