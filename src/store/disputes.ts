// Disputes: "this cell is wrong" on one component of one model, with evidence; open until a reviewer accepts or rejects it.
import type { Queryable } from './db.js';

export type DisputeStatus = 'open' | 'accepted' | 'rejected';

export interface Dispute {
  id: number; modelId: string; component: string; message: string; evidence: string[]; openedBy: string | null;
  status: DisputeStatus; reason: string | null; resolvedBy: string | null; createdAt: string; resolvedAt: string | null;
  /** An accepted dispute's change: the submission with the cell fixed (queued, or approved at once). */
  submissionId: number | null;
}

interface Row { id: number; model_id: string; component: string; message: string; evidence: string[] | string; opened_by: string | null; status: DisputeStatus; reason: string | null; resolved_by: string | null; created_at: Date; resolved_at: Date | null; submission_id: number | null }

const SELECT = 'SELECT d.id, d.model_id, d.component, d.message, d.evidence, o.name AS opened_by, d.status, d.reason, r.name AS resolved_by, d.created_at, d.resolved_at, d.submission_id FROM disputes d LEFT JOIN people o ON o.id = d.opened_by LEFT JOIN people r ON r.id = d.resolved_by';

function fromRow(r: Row): Dispute {
  return {
    id: r.id, modelId: r.model_id, component: r.component, message: r.message, evidence: typeof r.evidence === 'string' ? JSON.parse(r.evidence) as string[] : r.evidence,
    openedBy: r.opened_by, status: r.status, reason: r.reason, resolvedBy: r.resolved_by, createdAt: new Date(r.created_at).toISOString(), resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null, submissionId: r.submission_id,
  };
}

export async function insertDispute(tx: Queryable, d: { modelId: string; component: string; message: string; evidence: readonly string[]; personId: number | null }): Promise<number> {
  const rows = await tx.query<{ id: number }>('INSERT INTO disputes (model_id, component, message, evidence, opened_by) VALUES ($1, $2, $3, ($4::text)::jsonb, $5) RETURNING id',
    [d.modelId, d.component, d.message, JSON.stringify(d.evidence), d.personId]);
  return rows[0]!.id;
}

export async function disputeById(db: Queryable, id: number, forUpdate = false): Promise<Dispute | undefined> {
  const rows = await db.query<Row>(`${SELECT} WHERE d.id = $1${forUpdate ? ' FOR UPDATE OF d' : ''}`, [id]);
  return rows[0] && fromRow(rows[0]);
}

export async function disputesOf(db: Queryable, modelId: string): Promise<Dispute[]> {
  return (await db.query<Row>(`${SELECT} WHERE d.model_id = $1 ORDER BY d.id`, [modelId])).map(fromRow);
}

export async function openDisputes(db: Queryable, limit = 500): Promise<Dispute[]> {
  return (await db.query<Row>(`${SELECT} WHERE d.status = 'open' ORDER BY d.id LIMIT $1`, [limit])).map(fromRow);
}

/** Closes an open dispute; false when it was no longer open. */
export async function resolveDispute(tx: Queryable, id: number, to: 'accepted' | 'rejected', reason: string, personId: number, submissionId: number | null = null): Promise<boolean> {
  const rows = await tx.query("UPDATE disputes SET status = $2, reason = $3, resolved_by = $4, resolved_at = now(), submission_id = $5 WHERE id = $1 AND status = 'open' RETURNING id", [id, to, reason, personId, submissionId]);
  return rows.length === 1;
}

/** The evidence of the disputes whose accepted fix a submission is: its approval's history entry cites them. */
export async function evidenceOfFix(db: Queryable, submissionId: number): Promise<string[]> {
  const rows = await db.query<{ evidence: string[] | string }>('SELECT evidence FROM disputes WHERE submission_id = $1 ORDER BY id', [submissionId]);
  return rows.flatMap((r) => typeof r.evidence === 'string' ? JSON.parse(r.evidence) as string[] : r.evidence);
}
