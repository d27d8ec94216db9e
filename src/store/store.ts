// The living index's workflow: submit, review, dispute, history and people over the database, and the registry files an approval writes.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { parseDocument, parse as parseYaml } from 'yaml';
import { join } from 'node:path';
import type { Registry } from '../core/registry.js';
import { writeFileAtomic } from '../interop/files.js';
import { recordToYaml } from '../interop/record-yaml.js';
import type { Problem } from '../registry/problem.js';
import { type Actor, logWrite } from './audit-log.js';
import { checkRecordText } from './check.js';
import { type Db, type DbOptions, defaultDataDir, openDb } from './db.js';
import { type RecordDiff, recordDiff } from './diff.js';
import { type Dispute, disputeById, disputesOf, evidenceOfFix, insertDispute, openDisputes, resolveDispute } from './disputes.js';
import { type Change, changesOf, changesSince, insertChange, markWritten, unwrittenChanges } from './history.js';
import { lockDataDir } from './lock.js';
import { migrate } from './migrate.js';
import { type Person, type Role, StoreError, countAdmins, createPerson, issueToken, requireRole } from './people.js';
import { type Review, insertReview, reviewsOf } from './reviews.js';
import { type Submission, type SubmissionStatus, insertSubmission, listSubmissions, markStale, rebase, setStatus, submissionById } from './submissions.js';
import { COMPONENT_KEYS } from '../core/taxonomy.js';
import { safeUrl } from '../server/html.js';

export { StoreError };
export type { Actor, Change, Dispute, Person, RecordDiff, Review, Submission };

export interface StoreOptions extends DbOptions {
  /** The registry folder approvals write into. */
  registryDir: string;
  /** The registry as loaded now (for checks and diffs). */
  registry: () => Registry;
  /** Called after approved records are written (with their model ids), so the registry in memory follows. */
  onRegistryChange?: (modelIds: string[]) => Promise<void> | void;
  /** For the crash test: called between the commit and the file write. */
  afterCommit?: (change: number) => Promise<void> | void;
}

/** A short fingerprint of a registry file's text (or of its absence), which an approval must name when the file changed. */
export const textHash = (text: string | null) => createHash('sha256').update(text ?? '\0none').digest('hex').slice(0, 16);

export interface SubmissionView {
  submission: Submission;
  reviews: Review[];
  /** The diff against the registry file as it is now. */
  diff: RecordDiff;
  /** The file changed since the submission was made: approving needs `base` = currentHash. */
  stale: boolean;
  currentHash: string;
}

export const LIMITS = { comment: 4000, message: 4000, evidence: 20, url: 2000, fix: 20000 } as const;

function text(value: unknown, field: string, max: number, required = false): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new StoreError(400, `${field}: required`);
    return null;
  }
  if (typeof value !== 'string') throw new StoreError(400, `${field}: must be text`);
  if (value.length > max) throw new StoreError(400, `${field}: at most ${max} characters (got ${value.length})`);
  return value;
}

function urls(value: unknown, field: string): string[] {
  const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  if (list.length > LIMITS.evidence) throw new StoreError(400, `${field}: at most ${LIMITS.evidence} URLs`);
  return list.map((u, i) => {
    if (typeof u !== 'string' || u.length > LIMITS.url || !safeUrl(u)) throw new StoreError(400, `${field}[${i}]: must be an http(s) URL`);
    return u;
  });
}

export class Store {
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(readonly db: Db, private readonly options: StoreOptions, private readonly unlock: () => Promise<void>) {}

  static async open(options: StoreOptions): Promise<Store> {
    let unlock = async () => {};
    if (!options.databaseUrl && !options.memory) {
      const dir = options.dataDir ?? defaultDataDir();
      await mkdir(dir, { recursive: true });
      unlock = await lockDataDir(dir);
    }
    try {
      const db = await openDb(options);
      await migrate(db);
      const store = new Store(db, options, unlock);
      await store.repair();
      return store;
    } catch (e) {
      await unlock();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.db.close();
    await this.unlock();
  }

  private modelPath(id: string): string {
    return join(this.options.registryDir, 'models', `${id}.yaml`);
  }

  private async modelText(id: string): Promise<string | null> {
    return readFile(this.modelPath(id), 'utf8').catch((e: NodeJS.ErrnoException) => { if (e.code === 'ENOENT') return null; throw e; });
  }

  /** One registry write at a time in this process, so an approval's read-check-write is not interleaved with another's. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => undefined);
    return run;
  }

  /** Writes every committed change whose file write a crash interrupted; returns how many. */
  async repair(): Promise<number> {
    const pending = await unwrittenChanges(this.db);
    for (const change of pending) await this.writeChange(change.id, change.modelId, change.afterText);
    if (pending.length) await this.options.onRegistryChange?.([...new Set(pending.map((c) => c.modelId))]);
    return pending.length;
  }

  private async writeChange(id: number, modelId: string, text: string): Promise<void> {
    await writeFileAtomic(this.modelPath(modelId), text, { force: true });
    await markWritten(this.db, id);
  }

  // People

  async createUser(name: string, role: Role, actor: Actor = {}): Promise<{ person: Person; token: string }> {
    return this.db.transaction(async (tx) => {
      const person = await createPerson(tx, name, role);
      const token = await issueToken(tx, person.id);
      await logWrite(tx, actor, 'create-user', `person:${person.name}`, { role });
      return { person, token };
    });
  }

  async newToken(person: Person, actor: Actor): Promise<string> {
    return this.db.transaction(async (tx) => {
      const token = await issueToken(tx, person.id);
      await logWrite(tx, actor, 'issue-token', `person:${person.name}`);
      return token;
    });
  }

  hasAdmin(): Promise<boolean> {
    return countAdmins(this.db).then((n) => n > 0);
  }

  // Submissions

  /** Checks the record as validate does and queues it; anonymous ones queue as unverified. */
  async submit(recordText: string, file: string, actor: Actor, comment?: unknown): Promise<{ ok: true; id: number; diff: RecordDiff } | { ok: false; problems: Problem[] }> {
    const checked = checkRecordText(recordText, file, this.options.registry());
    if (!checked.ok) return checked;
    const note = text(comment, 'comment', LIMITS.comment);
    const baseText = await this.modelText(checked.record.id);
    const id = await this.db.transaction(async (tx) => {
      const id = await insertSubmission(tx, { record: checked.record, recordText, baseText, personId: actor.person?.id ?? null, address: actor.address ?? null, comment: note });
      await logWrite(tx, actor, 'submit', `submission:${id}`, { model: checked.record.id, verified: Boolean(actor.person) });
      return id;
    });
    return { ok: true, id, diff: this.diff(checked.record.id, checked.record) };
  }

  private diff(modelId: string, record: Submission['record']): RecordDiff {
    const registry = this.options.registry();
    return recordDiff(registry.model(modelId), record, registry, new Date().toISOString().slice(0, 10));
  }

  queue(status: SubmissionStatus | undefined = 'pending'): Promise<Submission[]> {
    return listSubmissions(this.db, { status });
  }

  async show(id: number): Promise<SubmissionView> {
    const submission = await submissionById(this.db, id);
    if (!submission) throw new StoreError(404, `there is no submission ${id}`);
    const current = await this.modelText(submission.modelId);
    const stale = submission.status === 'pending' && current !== submission.baseText;
    if (stale && !submission.stale) await markStale(this.db, [id]);
    return { submission: { ...submission, stale: submission.stale || stale }, reviews: await reviewsOf(this.db, id), diff: this.diff(submission.modelId, submission.record), stale, currentHash: textHash(current) };
  }

  /**
   * Approves a pending submission: one transaction records the decision and the change, then the file is
   * written (temp then rename) and the registry reloaded. A second approval gets 409 with the state; a
   * submission whose file changed since it was made is stale and needs `base` = the current file's hash.
   */
  async approve(id: number, actor: Actor, options: { base?: string; comment?: unknown } = {}): Promise<{ change: number; submission: Submission }> {
    const reviewer = requireRole(actor.person, 'reviewer');
    const comment = text(options.comment, 'comment', LIMITS.comment);
    return this.serial(async () => {
      const first = await submissionById(this.db, id);
      if (!first) throw new StoreError(404, `there is no submission ${id}`);
      if (first.status !== 'pending') throw new StoreError(409, `submission ${id} is ${first.status}, not pending`, { status: first.status });
      const current = await this.modelText(first.modelId);
      const fileChanged = current !== first.baseText;
      if (fileChanged && options.base !== textHash(current)) {
        await markStale(this.db, [id]);
        throw new StoreError(409, `submission ${id} is stale: ${first.modelId} changed after it was sent; review the new diff and approve with base=${textHash(current)}`, { status: first.status, stale: true, currentHash: textHash(current) });
      }
      const writeText = /^\s*\{/.test(first.recordText) ? recordToYaml(first.record) : first.recordText;
      // Validated again: the registry may have changed since (a license renamed, say).
      const again = checkRecordText(writeText, `${first.modelId}.yaml`, this.options.registry());
      if (!again.ok) throw new StoreError(400, `the record no longer passes validate: ${again.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('; ')}`, { problems: again.problems });
      const change = await this.db.transaction(async (tx) => {
        const s = await submissionById(tx, id, true);
        if (!s || s.status !== 'pending' || !await setStatus(tx, id, 'pending', 'approved')) {
          throw new StoreError(409, `submission ${id} is ${s?.status ?? 'gone'}, not pending`, { status: s?.status });
        }
        if (fileChanged) await rebase(tx, id, current);
        await insertReview(tx, id, reviewer.id, 'approve', comment);
        const change = await insertChange(tx, { modelId: s.modelId, submissionId: id, beforeText: current, afterText: writeText, authorId: s.verified ? await this.submitterId(tx, id) : reviewer.id, reason: comment ?? s.comment, evidence: await evidenceOfFix(tx, id) });
        // Every other pending submission for this model was made against the file this one replaces.
        await tx.query("UPDATE submissions SET stale = true WHERE model_id = $1 AND status = 'pending' AND id <> $2", [s.modelId, id]);
        await logWrite(tx, actor, 'approve', `submission:${id}`, { model: s.modelId, change });
        return change;
      });
      await this.options.afterCommit?.(change);
      await this.writeChange(change, first.modelId, writeText);
      await this.options.onRegistryChange?.([first.modelId]);
      return { change, submission: (await submissionById(this.db, id))! };
    });
  }

  private async submitterId(tx: Parameters<Parameters<Db['transaction']>[0]>[0], id: number): Promise<number | null> {
    return (await tx.query<{ submitted_by: number | null }>('SELECT submitted_by FROM submissions WHERE id = $1', [id]))[0]?.submitted_by ?? null;
  }

  /** Request changes (the submitter sees the comment) or reject (with a reason). */
  async decide(id: number, actor: Actor, action: 'request_changes' | 'reject', comment: unknown): Promise<Submission> {
    const reviewer = requireRole(actor.person, 'reviewer');
    const note = text(comment, 'comment', LIMITS.comment, true);
    const to: SubmissionStatus = action === 'reject' ? 'rejected' : 'changes_requested';
    return this.db.transaction(async (tx) => {
      const s = await submissionById(tx, id, true);
      if (!s) throw new StoreError(404, `there is no submission ${id}`);
      const from = s.status;
      if (!(from === 'pending' || (action === 'reject' && from === 'changes_requested')) || !await setStatus(tx, id, from, to)) {
        throw new StoreError(409, `submission ${id} is ${from}; it cannot be ${action === 'reject' ? 'rejected' : 'sent back'} now`, { status: from });
      }
      await insertReview(tx, id, reviewer.id, action, note);
      await logWrite(tx, actor, action, `submission:${id}`, { model: s.modelId });
      return (await submissionById(tx, id))!;
    });
  }

  // Disputes

  async dispute(modelId: string, component: string, message: unknown, evidence: unknown, actor: Actor): Promise<number> {
    if (!this.options.registry().model(modelId)) throw new StoreError(404, `there is no model "${modelId}"`);
    if (!COMPONENT_KEYS.includes(component)) throw new StoreError(400, `component: "${component}" is not one of the twelve component keys`);
    const what = text(message, 'message', LIMITS.message, true)!;
    const links = urls(evidence, 'evidence');
    return this.db.transaction(async (tx) => {
      const id = await insertDispute(tx, { modelId, component, message: what, evidence: links, personId: actor.person?.id ?? null });
      await logWrite(tx, actor, 'dispute', `dispute:${id}`, { model: modelId, component });
      return id;
    });
  }

  disputesOf(modelId: string): Promise<Dispute[]> { return disputesOf(this.db, modelId); }
  openDisputes(): Promise<Dispute[]> { return openDisputes(this.db); }

  /**
   * Rejects a dispute with a public reason, or accepts it: the cell's fix (`fix`, the component's entry as
   * YAML, JSON or an object) goes into the model's record, checked as validate checks it, and queues as a
   * submission like any other; with `apply` the reviewer's accept also approves it, by the same path.
   */
  async resolve(id: number, to: 'accepted' | 'rejected', reason: unknown, actor: Actor, options: { fix?: unknown; apply?: boolean } = {}): Promise<Dispute> {
    const reviewer = requireRole(actor.person, 'reviewer');
    const why = text(reason, 'reason', LIMITS.comment, true)!;
    const open = await disputeById(this.db, id);
    if (!open) throw new StoreError(404, `there is no dispute ${id}`);
    if (open.status !== 'open') throw new StoreError(409, `dispute ${id} is ${open.status}, not open`, { status: open.status });
    const fixed = to === 'accepted' ? await this.fixedRecord(open, options.fix) : undefined;
    const submission = await this.db.transaction(async (tx) => {
      const d = await disputeById(tx, id, true);
      if (!d || d.status !== 'open') throw new StoreError(409, `dispute ${id} is ${d?.status ?? 'gone'}, not open`, { status: d?.status });
      const submission = fixed ? await insertSubmission(tx, { record: fixed.record, recordText: fixed.text, baseText: fixed.baseText, personId: reviewer.id, address: actor.address ?? null, comment: `Dispute ${id} on ${d.component}: ${d.message} Accepted: ${why}` }) : null;
      if (!await resolveDispute(tx, id, to, why, reviewer.id, submission)) throw new StoreError(409, `dispute ${id} is no longer open`);
      await logWrite(tx, actor, `dispute-${to}`, `dispute:${id}`, { model: d.modelId, ...(submission ? { submission } : {}) });
      return submission;
    });
    if (submission !== null && options.apply) await this.approve(submission, actor, { comment: why });
    return (await disputeById(this.db, id))!;
  }

  /** The model's file with the disputed component's entry replaced by the fix, as validate would take it. */
  private async fixedRecord(d: Dispute, fix: unknown): Promise<{ text: string; record: Submission['record']; baseText: string | null }> {
    if (fix === undefined || fix === null || fix === '') throw new StoreError(400, `fix: required to accept a dispute: the corrected entry of ${d.component} (status, license, evidence, notes)`);
    let entry: unknown = fix;
    if (typeof fix === 'string') {
      if (fix.length > LIMITS.fix) throw new StoreError(400, `fix: at most ${LIMITS.fix} characters (got ${fix.length})`);
      try { entry = parseYaml(fix, { maxAliasCount: 0 }); } catch (e) { throw new StoreError(400, `fix: not YAML or JSON: ${(e as Error).message.split('\n')[0]}`); }
    }
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new StoreError(400, `fix: must be the entry of ${d.component}, a mapping such as { status: public, license: MIT, evidence: [URL] }`);
    const baseText = await this.modelText(d.modelId);
    if (baseText === null) throw new StoreError(409, `${d.modelId} has no registry file now`);
    const doc = parseDocument(baseText);
    doc.setIn(['components', d.component], doc.createNode(entry));
    const text = String(doc);
    const checked = checkRecordText(text, `${d.modelId}.yaml`, this.options.registry());
    if (!checked.ok) throw new StoreError(400, `fix: the record with this entry does not pass validate: ${checked.problems.map((p) => `${p.line}:${p.col}: ${p.field ? `${p.field}: ` : ''}${p.message}`).join('; ')}`, { problems: checked.problems });
    return { text, record: checked.record, baseText };
  }

  // History

  historyOf(modelId: string): Promise<Change[]> { return changesOf(this.db, modelId); }
  changesSince(since: Date): Promise<Change[]> { return changesSince(this.db, since); }
}
