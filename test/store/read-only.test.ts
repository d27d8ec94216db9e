// serve --read-only runs the index with no database at all: no data folder is made and the store's routes are not there.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers.js';

describe('serve --read-only', () => {
  it('serves the index without opening a store', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'howopen-ro-')), 'store');
    const child = spawn(process.execPath, [join(ROOT, 'bin/howopen.js'), 'serve', '--read-only', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL:\n${out}`)), 30_000);
        child.stdout.on('data', (c: Buffer) => { out += c.toString(); const m = /(http:\/\/[^\s/]+)\//.exec(out); if (m) { clearTimeout(timer); resolve(m[1]!); } });
        child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
      });
      assert.equal((await fetch(`${url}/`)).status, 200);
      assert.equal((await fetch(`${url}/submit`)).status, 404);
      assert.equal((await fetch(`${url}/api/v1/submissions`, { method: 'POST', body: 'x' })).status, 404);
      assert.equal(existsSync(data), false);
      assert.doesNotMatch(out, /the store is/);
    } finally {
      child.kill();
    }
  });
});
