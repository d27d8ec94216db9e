// Issue 12's bad inputs through the real binary: exit 2 with a positioned message, nothing written, never exit 70.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers.js';
import { record } from '../hostile-records.js';

const dir = mkdtempSync(join(tmpdir(), 'howopen-hostile-'));
const BIN = join(ROOT, 'bin/howopen.js');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, HOWOPEN_DEBUG: '' }, timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`, stderr: r.stderr };
}

function assertBad(r: ReturnType<typeof run>, message: RegExp, code = 2) {
  assert.equal(r.code, code, r.out);
  assert.match(r.out, message);
  assert.doesNotMatch(r.stderr, /internal error|^\s+at /m, 'no crash, no stack trace');
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const weightsLine = record().split('\n').findIndex((l) => l.includes('license: MIT')) + 1;

describe('hostile records through the binary', () => {
  // One validate run over every bad file (validate loads the registry, which takes a while on a busy machine).
  const cases: [string, string | Buffer, RegExp][] = [
    ['chars.yaml', record(Array(3000).fill('MIT').join(' AND ')), new RegExp(`chars.yaml:${weightsLine}:14: components.deployment.data.weights.license: the license expression is 23995 characters long \\(at most 4096\\)`)],
    ['terms.yaml', record(Array(65).fill('MIT').join(' AND ')), new RegExp(`terms.yaml:${weightsLine}:14: components.deployment.data.weights.license: the license expression names more than 64 licenses`)],
    ['depth.yaml', record(`${'('.repeat(17)}MIT${')'.repeat(17)}`), /depth.yaml:\d+:14: .*parentheses nest more than 16 deep/],
    ['exception.yaml', record('MIT WITH No-such-exception'), /exception.yaml:\d+:14: .*unknown exception "No-such-exception" after WITH .*closest: .*exceptions-index/],
    ['latin.yaml', Buffer.from(record('MIT', 'notes: "caf\u00e9"\n'), 'latin1'), /latin.yaml:5:12: not UTF-8 text: byte 0xE9 at line 5, column 12 is not valid UTF-8 \(save the file as UTF-8\)/],
    ['utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(record(), 'utf16le')]), /utf16.yaml:1:1: is UTF-16 text, not UTF-8/],
    ['binary.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0x90]), /binary.yaml:1:1: is a binary file/],
    ['type.yaml', record().replace('name: Hostile', 'name: 12345'), /type.yaml:2:7: name: expected text, found the number 12345/],
    ['nul.yaml', record('MIT', 'notes: "a\\0b"\n'), /nul.yaml:5:8: notes: holds the control character U\+0000/],
    ['bell.yaml', record('MIT', 'notes: "a\u0007b"\n'), /bell.yaml:5:8: notes: holds the control character U\+0007/],
    ['two.yaml', `${record('MIT', '', 'two')}---\n${record('MIT', '', 'two')}`, /two.yaml:\d+:1: a second YAML document \(after ---\): a record file holds one document/],
    ['date.yaml', record('MIT', 'checked: "2026-02-30"\n', 'date'), /date.yaml:5:10: checked: must be a real calendar date/],
    ['deep.yaml', `notes: ${'['.repeat(5000)}${']'.repeat(5000)}\n${record('MIT', '', 'deep')}`, /deep.yaml:1:\d+: mappings and lists nest more than 32 deep/],
  ];

  it('the valid template validates and classifies (so each failure below is the one change); 64 terms are allowed', () => {
    const r = run(['validate', file('hostile.yaml', record()), file('sixty-four.yaml', record(Array(64).fill('MIT').join(' AND '), '', 'sixty-four'))]);
    assert.equal(r.code, 0, r.out);
    assert.equal(run(['classify', join(dir, 'sixty-four.yaml'), '--format', 'json']).code, 0);
  });

  it('validate: each bad record at its line and column, quickly, never a crash', () => {
    const started = Date.now();
    const r = run(['validate', ...cases.map(([name, content]) => file(name, content))]);
    assert.ok(Date.now() - started < 30_000);
    for (const [, , message] of cases) assertBad(r, message);
  });

  it('classify: the same messages', () => {
    for (const name of ['chars.yaml', 'latin.yaml', 'utf16.yaml', 'two.yaml', 'deep.yaml']) {
      const [, , message] = cases.find(([n]) => n === name)!;
      assertBad(run(['classify', join(dir, name)]), new RegExp(message.source.replace(/^\w+\.yaml:/, '.*')));
    }
  });

  it('a registry holding a hostile record fails validate, and serve still answers every page', async () => {
    const reg = join(dir, 'registry');
    cpSync(join(ROOT, 'registry'), reg, { recursive: true });
    writeFileSync(join(reg, 'models', 'hostile.yaml'), record(Array(3000).fill('MIT').join(' AND ')));
    assertBad(run(['--registry', reg, 'validate']), /hostile.yaml:\d+:\d+: components.deployment.data.weights.license: the license expression is 23995 characters long/);
    const child = spawn(process.execPath, [BIN, '--registry', reg, 'serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => { const m = /http:\/\/\S+\//.exec(String(d)); if (m) resolve(m[0]); });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      for (const path of ['', 'models/hostile', 'api/v1/models', 'api/v1/models/hostile', 'api/v1/stats']) {
        const res = await fetch(url + path);
        assert.equal(res.status, 200, path);
      }
      const body = await (await fetch(`${url}api/v1/models/hostile`)).json() as { classification: { components: Record<string, { level: string }> } };
      assert.equal(body.classification.components['deployment.data.weights']?.level, 'Unknown');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('conditions, expressions and outputs through the binary', () => {
  it('unknown values in conditions name the allowed ones', () => {
    assertBad(run(['table', '--where', 'mof=IV']), /"IV" is not a value of mof .*use one of I, II, III, none/);
    assertBad(run(['table', '--where', 'osaid=maybe']), /use one of pass, fail/);
    assertBad(run(['table', '--where', 'released>=abcd']), /not a release date .*2023-07/);
    assert.equal(run(['table', '--where', 'mof=ii', '--format', 'json']).code, 0);
  });

  it('howopen license rejects a malformed expression and an expression of several licenses', () => {
    assertBad(run(['license', '((MIT)']), /not a valid license expression/);
    assertBad(run(['license', 'MIT OR Apache-2.0']), /is a license expression .*shows one license/);
    assert.equal(run(['license', 'MIT']).code, 0);
  });

  it('import json of deeply nested JSON: a positioned error, nothing written', () => {
    const out = join(dir, 'drafts-deep');
    const path = file('deep.json', `{"id": "x", "notes": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    assertBad(run(['import', 'json', path, '--out', out]), /deep.json:1:\d+: JSON nests more than 32 deep/);
    assert.equal(existsSync(out) && readdirSync(out).length > 0, false);
  });

  it('--out at an existing file explains itself', () => {
    const target = file('a-file', 'x');
    assertBad(run(['import', 'json', file('one.json', '{}'), '--out', target]), /--out .*a-file is an existing file: --out names the folder/);
    assertBad(run(['export', 'json', '--all', '--out', target]), /is an existing file/);
  });

  it('a killed run\'s temporary files are removed by the next import into the folder', () => {
    const out = join(dir, 'drafts-temp');
    mkdirSync(out, { recursive: true });
    // A process id that is not running: the largest pid the kernel hands out is below 2^22.
    writeFileSync(join(out, '.gone.yaml.4194999.0123abcd.tmp'), 'half');
    run(['import', 'json', file('rec.json', '{"id": "temp-one"}'), '--out', out]);
    assert.deepEqual(readdirSync(out).filter((n) => n.endsWith('.tmp')), []);
  });

  it('batch lines that are not UTF-8 or nest too deep are reported with line and column', () => {
    const input = Buffer.concat([Buffer.from('{"id": "a/b", "license": "mit"}\n{"id": "caf'), Buffer.from([0xe9]), Buffer.from(`"}\n{"id": "d", "license": ${'['.repeat(1000)}${']'.repeat(1000)}}\n`)]);
    const r = run(['classify', '--batch', '-'], input);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /stdin:2: not UTF-8 text: byte 0xE9 at line 2, column 12 is not valid UTF-8/);
    assert.match(r.out, /stdin:3: column 55: JSON nests more than 32 deep/);
    assert.match(r.out, /1 line\(s\) classified; 2 bad/);
  });
});
