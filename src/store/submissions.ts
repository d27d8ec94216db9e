// Submissions: proposed model records in the review queue, with who sent them and the file they were made against.
import type { ModelRecord } from '../core/model.js';
import type { Queryable } from './db.js';

export const SUBMISSION_STATUSES = ['pending', 'changes_requested', 'approved', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface Submission {
  id: number;
  modelId: string;
  recordText: string;
  record: ModelRecord;
  /** The registry file's text when the submission was made; null for a new model. */
  baseText: string | null;
  submittedBy: string | null;
  verified: boolean;
  comment: string | null;
  status: SubmissionStatus;
  stale: boolean;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number; model_id: string; record_text: string; record: ModelRecord; base_text: string | null; submitted_by: string | null;
  verified: boolean; comment: string | null; status: SubmissionStatus; stale: boolean; created_at: Date; updated_at: Date;
}

const COLUMNS = 's.id, s.model_id, s.record_text, s.record, s.base_text, p.name AS submitted_by, s.verified, s.comment, s.status, s.stale, s.created_at, s.updated_at';
const FROM = 'FROM submissions s LEFT JOIN people p ON p.id = s.submitted_by';

function fromRow(r: Row): Submission {
  return {
    id: r.id, modelId: r.model_id, recordText: r.record_text, record: typeof r.record === 'string' ? JSON.parse(r.record) as ModelRecord : r.record,
    baseText: r.base_text, submittedBy: r.submitted_by, verified: r.verified, comment: r.comment, status: r.status, stale: r.stale,
    createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export interface NewSubmission {
  record: ModelRecord;
  recordText: string;
  baseText: string | null;
  personId: number | null;
  address: string | null;
  comment: string | null;
}

export async function insertSubmission(tx: Queryable, s: NewSubmission): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    'INSERT INTO submissions (model_id, record_text, record, base_text, submitted_by, verified, address, comment) VALUES ($1, $2, ($3::text)::jsonb, $4, $5, $6, $7, $8) RETURNING id',
    [s.record.id, s.recordText, JSON.stringify(s.record), s.baseText, s.personId, s.personId !== null, s.address, s.comment]);
  return rows[0]!.id;
}

export async function submissionById(db: Queryable, id: number, forUpdate = false): Promise<Submission | undefined> {
  // FOR UPDATE OF s: two reviewers deciding at once queue on the row; the second sees the first's decision.
  const rows = await db.query<Row>(`SELECT ${COLUMNS} ${FROM} WHERE s.id = $1${forUpdate ? ' FOR UPDATE OF s' : ''}`, [id]);
  return rows[0] && fromRow(rows[0]);
}

export async function listSubmissions(db: Queryable, filter: { status?: SubmissionStatus; modelId?: string; limit?: number } = {}): Promise<Submission[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} ${FROM} WHERE ($1::text IS NULL OR s.status = $1) AND ($2::text IS NULL OR s.model_id = $2) ORDER BY s.id LIMIT $3`,
    [filter.status ?? null, filter.modelId ?? null, filter.limit ?? 500]);
  return rows.map(fromRow);
}

/** Moves a submission on from the state it was read in; false when someone else moved it first. */
export async function setStatus(tx: Queryable, id: number, from: SubmissionStatus, to: SubmissionStatus): Promise<boolean> {
  const rows = await tx.query('UPDATE submissions SET status = $3, stale = false, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id', [id, from, to]);
  return rows.length === 1;
}

export async function markStale(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length) await db.query('UPDATE submissions SET stale = true, updated_at = now() WHERE id = ANY($1::int[]) AND NOT stale', [[...ids]]);
}

/** The reviewer has seen the diff against the file as it is now: that file becomes the base. */
export async function rebase(tx: Queryable, id: number, baseText: string | null): Promise<void> {
  await tx.query('UPDATE submissions SET base_text = $2, stale = false, updated_at = now() WHERE id = $1', [id, baseText]);
}
