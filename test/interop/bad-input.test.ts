// Bad input, each class: a clear message, never a crash, never a partial or clobbered output file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readText, writeFileAtomic } from '../../src/interop/files.js';
import { scanRepository } from '../../src/interop/scan/index.js';
import { registry, runCli } from '../helpers.js';
import { EXAMPLES, tempDir } from './helpers.js';

const isRoot = process.getuid?.() === 0;
const SITE_DIR = join(EXAMPLES, 'eiras-site');
const GOOD_SITE = readFileSync(join(SITE_DIR, 'llama-2.md'), 'utf8');
const eacces = async (): Promise<never> => { throw Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' }); };

/** Files left in a folder that are not whole outputs: temporary files of an interrupted write. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.startsWith('.'));
}

describe('bad input: the file readers', () => {
  it('each class gets its own clear message', async () => {
    const dir = tempDir('read');
    const outside = join(tempDir('outside'), 'secret.txt');
    writeFileSync(outside, 'outside the folder');
    writeFileSync(join(dir, 'binary'), Buffer.from([0x4d, 0x49, 0x54, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'huge'), '');
    truncateSync(join(dir, 'huge'), 5 * 1024 * 1024);
    writeFileSync(join(dir, 'latin1'), Buffer.from('line one\nLicence fran\xe7aise\n', 'latin1'));
    writeFileSync(join(dir, 'utf16'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('MIT License', 'utf16le')]));
    symlinkSync(outside, join(dir, 'link'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'broken'));
    mkdirSync(join(dir, 'folder'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const expect: [string, RegExp][] = [
      ['binary', /looks like a binary file \(it contains NUL bytes\)/],
      ['huge', /is 5 MB, over the 1 MB cap for text input; not read/],
      ['latin1', /^not UTF-8 text: byte 0xE7 at line 2, column 13 is not valid UTF-8 \(save the file as UTF-8\)$/],
      ['link', /is a symbolic link to .*secret\.txt, outside .*; not followed/],
      ['broken', /is a symbolic link to nothing/],
      ['folder', /is a folder, not a file/],
      ['fifo', /is not a regular file/],
      ['missing', /no such file/],
    ];
    for (const [name, message] of expect) {
      const r = await readText(join(dir, name), { root: dir });
      assert.equal(r.ok, false, name);
      assert.match((r as { message: string }).message, message, name);
    }
    assert.deepEqual(await readText(join(dir, 'utf16'), { root: dir }), { ok: true, text: 'MIT License', bytes: 24 });
    const unreadable = await readText(join(dir, 'utf16'), { openFile: eacces });
    assert.match((unreadable as { message: string }).message, /cannot read: permission denied/);
  });

  // Root reads every file, so the real permission case is registered only for other users; the injected EACCES covers root.
  if (!isRoot) it('an unreadable file (permissions)', async () => {
    const dir = tempDir('perm');
    writeFileSync(join(dir, 'LICENSE'), 'MIT');
    chmodSync(join(dir, 'LICENSE'), 0o000);
    const r = await readText(join(dir, 'LICENSE'));
    assert.match((r as { message: string }).message, /permission denied/);
  });
});

describe('bad input: howopen scan', () => {
  it('reports each bad file and still drafts from the rest', async () => {
    const dir = join(tempDir('scan-bad'), 'repo');
    mkdirSync(join(dir, 'training'), { recursive: true });
    const outside = join(tempDir('outside'), 'hosts');
    writeFileSync(outside, 'not yours');
    writeFileSync(join(dir, 'README.md'), '---\nlicense: [apache-2.0\ntags: x\n---\n# Bad card\n');
    writeFileSync(join(dir, 'LICENSE'), Buffer.from([0x4d, 0x49, 0x54, 0x00, 0xff]));
    writeFileSync(join(dir, 'LICENSE-MODEL'), '');
    truncateSync(join(dir, 'LICENSE-MODEL'), 3 * 1024 * 1024);
    writeFileSync(join(dir, 'LICENCE.fr'), Buffer.from('Licence fran\xe7aise', 'latin1'));
    symlinkSync(outside, join(dir, 'USE_POLICY.md'));
    symlinkSync('/', join(dir, 'training', 'root'));
    writeFileSync(join(dir, 'training', 'train.py'), 'print(1)\n');
    writeFileSync(join(dir, 'config.json'), '{"model_type": "llama",');
    copyFileSync(join(EXAMPLES, 'scan/tiny-finetune/LICENSE'), join(dir, 'LICENSE.unreadable'));
    const reg = await registry();
    const result = await scanRepository(dir, reg, { openFile: async (p) => (p.endsWith('LICENSE.unreadable') ? eacces() : (await import('node:fs/promises')).open(p, 'r')) });
    const messages = result.findings.map((f) => `${f.file}:${f.line}: ${f.message}`);
    const expect = [
      /^README\.md:\d+: front matter YAML syntax: .*the card's metadata is not used/,
      /^LICENSE:1: looks like a binary file/,
      /^LICENSE-MODEL:1: is 3 MB, over the 1 MB cap/,
      /^LICENCE\.fr:1: not UTF-8 text: byte 0xE7 at line 1, column 13 /,
      /^USE_POLICY\.md:1: is a symbolic link to .*hosts, outside .*; not followed/,
      /^training\/root:1: is a symbolic link to \/, outside .*; not followed/,
      /^config\.json:1: not valid JSON/,
      /^LICENSE\.unreadable:1: cannot read: permission denied/,
    ];
    for (const re of expect) assert.ok(messages.some((m) => re.test(m)), `${re} in:\n${messages.join('\n')}`);
    assert.equal(result.record.components['training.code.pretraining']!.status, 'public', 'the good parts still count');
    const cli = await runCli(['scan', dir]);
    assert.equal(cli.code, 1, 'a draft that needs work (no release date), not bad input');
    assert.match(cli.stderr, /Does not validate yet .*\n.*released: required field is missing/);
  });
});

describe('bad input: howopen import', () => {
  it('malformed front matter, binary, huge, non-UTF-8, symlinked and empty files: each reported, no output for them', async () => {
    const src = tempDir('import-bad');
    const out = join(tempDir('import-out'), 'drafts');
    writeFileSync(join(src, 'good.md'), GOOD_SITE);
    writeFileSync(join(src, 'malformed.md'), GOOD_SITE.replace('title: LLaMA-2', 'title: [LLaMA-2'));
    writeFileSync(join(src, 'unclosed.md'), GOOD_SITE.replace(/\n---\s*$/, '\n'));
    writeFileSync(join(src, 'no-front-matter.md'), '# just a page\n');
    writeFileSync(join(src, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x00]));
    writeFileSync(join(src, 'huge.md'), '');
    truncateSync(join(src, 'huge.md'), 2 * 1024 * 1024);
    writeFileSync(join(src, 'latin1.md'), Buffer.from(GOOD_SITE.replace('LLaMA-2', 'LLaMA-\xe9'), 'latin1'));
    writeFileSync(join(src, 'no-release.md'), GOOD_SITE.replace(/release:\n {2}month: 7\n {2}year: 2023\n/, ''));
    const outside = join(tempDir('outside'), 'elsewhere.md');
    writeFileSync(outside, GOOD_SITE);
    symlinkSync(outside, join(src, 'link.md'));
    const r = await runCli(['import', 'eiras-site', src, '--out', out]);
    assert.equal(r.code, 2);
    const expect: [string, RegExp][] = [
      ['malformed.md', /malformed\.md:[23]:\d+: front matter YAML syntax/],
      ['unclosed.md', /unclosed\.md:1:1: front matter is not closed/],
      ['no-front-matter.md', /no-front-matter\.md:1:1: no front matter/],
      ['binary.md', /binary\.md:1:1: looks like a binary file/],
      ['huge.md', /huge\.md:1:1: is 2 MB, over the 1 MB cap/],
      ['latin1.md', /latin1\.md:2:\d+: not UTF-8 text: byte 0xE9 at line 2, column \d+ /],
      ['no-release.md', /no-release\.md:\d+:\d+: release: needs month/],
      ['link.md', /link\.md:1:1: is a symbolic link to .*elsewhere\.md, outside .*; not followed/],
    ];
    for (const [, re] of expect) assert.match(r.stderr, re);
    assert.deepEqual(readdirSync(out), ['good.yaml'], 'only the good file became a draft');
    assert.deepEqual(leftovers(out), []);
  });

  it('a YAML syntax error in an index or MOF file is reported at its line; nothing is written', async () => {
    const src = tempDir('import-yaml');
    const out = join(src, 'out');
    writeFileSync(join(src, 'broken.yaml'), 'system:\n    name: X\n   bad: indentation\n');
    const osai = await runCli(['import', 'osai-index', join(src, 'broken.yaml'), '--out', out]);
    assert.equal(osai.code, 2);
    assert.match(osai.stderr, /broken\.yaml:3:\d+: YAML syntax/);
    writeFileSync(join(src, 'broken.yml'), 'release:\n  name: X\n  components: [\n');
    const mof = await runCli(['import', 'mof', join(src, 'broken.yml'), '--out', out]);
    assert.equal(mof.code, 2);
    assert.match(mof.stderr, /broken\.yml:\d+:\d+: YAML syntax/);
    assert.throws(() => readdirSync(out), 'no output folder was even needed');
  });

  it('an unknown format and a missing path are usage errors', async () => {
    const r = await runCli(['import', 'eiras', SITE_DIR]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown format "eiras" \(did you mean eiras-site\?/);
    const missing = await runCli(['import', 'mof', join(tempDir('x'), 'nope.yml'), '--out', '-']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.yml:1:1: no such file or folder/);
  });
});

describe('outputs: whole or not at all, never over an existing file', () => {
  it('an existing draft is left alone without --force, replaced with it; no temporary files remain', async () => {
    const out = tempDir('atomic');
    const path = join(out, 'llama-2.yaml');
    writeFileSync(path, 'hand-edited');
    const r = await runCli(['import', 'eiras-site', join(SITE_DIR, 'llama-2.md'), '--out', out]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /llama-2\.yaml:1:1: already exists; not overwritten \(use --force/);
    assert.equal(readFileSync(path, 'utf8'), 'hand-edited');
    assert.equal((await runCli(['import', 'eiras-site', join(SITE_DIR, 'llama-2.md'), '--out', out, '--force'])).code, 1);
    assert.match(readFileSync(path, 'utf8'), /^# Draft by howopen import/);
    assert.deepEqual(leftovers(out), []);
  });

  it('writeFileAtomic: a failed write leaves neither a partial file nor a temporary one', async () => {
    const dir = tempDir('atomic-fail');
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be');
    await assert.rejects(writeFileAtomic(join(dir, 'blocker', 'out.yaml'), 'text'));
    assert.deepEqual(readdirSync(dir), ['blocker']);
    assert.equal(await writeFileAtomic(join(dir, 'new.yaml'), 'whole'), 'written');
    assert.equal(await writeFileAtomic(join(dir, 'new.yaml'), 'other'), 'exists');
    assert.equal(readFileSync(join(dir, 'new.yaml'), 'utf8'), 'whole');
    assert.deepEqual(leftovers(dir), []);
  });
});
