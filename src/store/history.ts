// History: every approved change to a registry file, with its date, author, reason and evidence; also the outbox of file writes.
import type { Queryable } from './db.js';

export interface Change {
  id: number;
  modelId: string;
  submissionId: number | null;
  beforeText: string | null;
  afterText: string;
  author: string | null;
  reason: string | null;
  evidence: string[];
  createdAt: string;
  written: boolean;
}

interface Row { id: number; model_id: string; submission_id: number | null; before_text: string | null; after_text: string; author: string | null; reason: string | null; evidence: string[] | string; created_at: Date; written_at: Date | null }

const SELECT = 'SELECT h.id, h.model_id, h.submission_id, h.before_text, h.after_text, p.name AS author, h.reason, h.evidence, h.created_at, h.written_at FROM history h LEFT JOIN people p ON p.id = h.author_id';

function fromRow(r: Row): Change {
  return {
    id: r.id, modelId: r.model_id, submissionId: r.submission_id, beforeText: r.before_text, afterText: r.after_text, author: r.author, reason: r.reason,
    evidence: typeof r.evidence === 'string' ? JSON.parse(r.evidence) as string[] : r.evidence, createdAt: new Date(r.created_at).toISOString(), written: r.written_at !== null,
  };
}

export interface NewChange { modelId: string; submissionId: number | null; beforeText: string | null; afterText: string; authorId: number | null; reason: string | null; evidence: readonly string[] }

export async function insertChange(tx: Queryable, c: NewChange): Promise<number> {
  const rows = await tx.query<{ id: number }>('INSERT INTO history (model_id, submission_id, before_text, after_text, author_id, reason, evidence) VALUES ($1, $2, $3, $4, $5, $6, ($7::text)::jsonb) RETURNING id',
    [c.modelId, c.submissionId, c.beforeText, c.afterText, c.authorId, c.reason, JSON.stringify(c.evidence)]);
  return rows[0]!.id;
}

/** Changes committed whose file is not written yet (a crash came between the two), oldest first. */
export async function unwrittenChanges(db: Queryable): Promise<Change[]> {
  return (await db.query<Row>(`${SELECT} WHERE h.written_at IS NULL ORDER BY h.id`)).map(fromRow);
}

export async function markWritten(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE history SET written_at = now() WHERE id = $1 AND written_at IS NULL', [id]);
}

export async function changesOf(db: Queryable, modelId: string): Promise<Change[]> {
  return (await db.query<Row>(`${SELECT} WHERE h.model_id = $1 ORDER BY h.id`, [modelId])).map(fromRow);
}

/** Approved changes since a moment (inclusive), oldest first. */
export async function changesSince(db: Queryable, since: Date, limit = 1000): Promise<Change[]> {
  return (await db.query<Row>(`${SELECT} WHERE h.created_at >= $1 ORDER BY h.id LIMIT $2`, [since.toISOString(), limit])).map(fromRow);
}
