// A process that approves submissions until it is killed (the kill -9 test): prints "ack N" after each approval returns, or stops between commit and write.
import { writeFileSync } from 'node:fs';
import { loadRegistry } from '../../src/registry/load.js';
import { Store } from '../../src/store/store.js';

const db = JSON.parse(process.env.HOWOPEN_TEST_DB!) as { databaseUrl?: string; dataDir?: string };
const registryDir = process.env.HOWOPEN_TEST_REGISTRY!;
const mode = process.env.HOWOPEN_TEST_MODE!;
const marker = process.env.HOWOPEN_TEST_MARKER!;
const ids = (process.env.HOWOPEN_TEST_IDS ?? '').split(',').filter(Boolean).map(Number);
const reviewer = process.env.HOWOPEN_TEST_REVIEWER!;

const { registry } = await loadRegistry(registryDir);
const store = await Store.open({
  ...db, registryDir, registry: () => registry,
  afterCommit: mode === 'hang-after-commit' ? async () => { writeFileSync(marker, 'committed'); await new Promise(() => {}); } : undefined,
});
const { personByName } = await import('../../src/store/people.js');
const person = (await personByName(store.db, reviewer))!;
writeFileSync(`${marker}.ready`, 'ready');
for (const id of ids) {
  await store.approve(id, { person });
  process.stdout.write(`ack ${id}\n`);
}
await new Promise(() => {});
