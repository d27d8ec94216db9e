// Reviews: each decision on a submission (approve, request changes, reject) with the comment the submitter sees.
import type { Queryable } from './db.js';

export const REVIEW_ACTIONS = ['approve', 'request_changes', 'reject'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface Review { id: number; submissionId: number; reviewer: string | null; action: ReviewAction; comment: string | null; createdAt: string }

export async function insertReview(tx: Queryable, submissionId: number, reviewerId: number | null, action: ReviewAction, comment: string | null): Promise<void> {
  await tx.query('INSERT INTO reviews (submission_id, reviewer_id, action, comment) VALUES ($1, $2, $3, $4)', [submissionId, reviewerId, action, comment]);
}

export async function reviewsOf(db: Queryable, submissionId: number): Promise<Review[]> {
  const rows = await db.query<{ id: number; submission_id: number; reviewer: string | null; action: ReviewAction; comment: string | null; created_at: Date }>(
    'SELECT r.id, r.submission_id, p.name AS reviewer, r.action, r.comment, r.created_at FROM reviews r LEFT JOIN people p ON p.id = r.reviewer_id WHERE r.submission_id = $1 ORDER BY r.id', [submissionId]);
  return rows.map((r) => ({ id: r.id, submissionId: r.submission_id, reviewer: r.reviewer, action: r.action, comment: r.comment, createdAt: new Date(r.created_at).toISOString() }));
}
