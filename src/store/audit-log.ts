// The audit log: one row for every write, by whom and from where, written in the write's own transaction.
import type { Queryable } from './db.js';
import type { Person } from './people.js';

export interface Actor { person?: Person; address?: string }

export interface AuditEntry { id: number; at: string; actor: string | null; address: string | null; action: string; target: string | null; detail: unknown }

export async function logWrite(tx: Queryable, actor: Actor, action: string, target: string, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.query('INSERT INTO audit_log (actor_id, address, action, target, detail) VALUES ($1, $2, $3, $4, ($5::text)::jsonb)',
    [actor.person?.id ?? null, actor.address ?? null, action, target, JSON.stringify(detail)]);
}

export async function recentWrites(db: Queryable, limit = 100): Promise<AuditEntry[]> {
  const rows = await db.query<{ id: number; at: Date; actor: string | null; address: string | null; action: string; target: string | null; detail: unknown }>(
    'SELECT a.id, a.at, p.name AS actor, a.address, a.action, a.target, a.detail FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id ORDER BY a.id DESC LIMIT $1', [limit]);
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
