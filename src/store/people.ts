// People and their credentials: roles, API tokens (shown once, kept as scrypt hashes) and browser sessions.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Queryable } from './db.js';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export const ROLES = ['submitter', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do: a reviewer may all a submitter may, an admin all a reviewer may. */
export const RANK: Record<Role, number> = { submitter: 1, reviewer: 2, admin: 3 };

export interface Person { id: number; name: string; role: Role }

export class StoreError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409, message: string, readonly detail?: unknown) {
    super(message);
  }
}

export const NAME_RULE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SESSION_HOURS = 12;

export async function createPerson(db: Queryable, name: string, role: Role): Promise<Person> {
  if (!NAME_RULE.test(name)) throw new StoreError(400, `name "${name}" must be 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit`);
  if (!ROLES.includes(role)) throw new StoreError(400, `role "${role}" is not one of ${ROLES.join(', ')}`);
  const rows = await db.query<Person>('INSERT INTO people (name, role) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id, name, role', [name, role]);
  if (!rows[0]) throw new StoreError(409, `there is already a person named "${name}"`);
  return rows[0];
}

export async function personByName(db: Queryable, name: string): Promise<Person | undefined> {
  return (await db.query<Person>('SELECT id, name, role FROM people WHERE name = $1', [name]))[0];
}

/** Everyone with an account, by name (bounded: an admin's page, not a directory). */
export async function listPeople(db: Queryable, limit = 1000): Promise<Person[]> {
  return db.query<Person>('SELECT id, name, role FROM people ORDER BY name LIMIT $1', [limit]);
}

export async function countAdmins(db: Queryable): Promise<number> {
  return Number((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM people WHERE role = 'admin'"))[0]!.n);
}

async function hashSecret(secret: string, salt = randomBytes(16)): Promise<string> {
  const key = await scrypt(secret, salt, 32);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(secret, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A new API token for a person: `ho_<lookup>_<secret>`, returned once; only the secret's hash is kept. */
export async function issueToken(db: Queryable, personId: number): Promise<string> {
  const lookup = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  await db.query('INSERT INTO tokens (person_id, lookup, hash) VALUES ($1, $2, $3)', [personId, lookup, await hashSecret(secret)]);
  return `ho_${lookup}_${secret}`;
}

/** The person a token belongs to; a malformed, unknown, revoked or wrong token is a 401. */
export async function personByToken(db: Queryable, token: string): Promise<Person> {
  const match = /^ho_([0-9a-f]{12})_([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) throw new StoreError(401, 'the token is not a howopen API token (ho_…)');
  const rows = await db.query<Person & { hash: string }>('SELECT p.id, p.name, p.role, t.hash FROM tokens t JOIN people p ON p.id = t.person_id WHERE t.lookup = $1 AND t.revoked_at IS NULL', [match[1]]);
  const row = rows[0];
  if (!row || !await secretMatches(match[2]!, row.hash)) throw new StoreError(401, 'the token is unknown or revoked');
  return { id: row.id, name: row.name, role: row.role };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Opens a browser session; returns the cookie's secret and the form token. */
export async function openSession(db: Queryable, personId: number): Promise<{ secret: string; csrf: string }> {
  const secret = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.query(`INSERT INTO sessions (id_hash, person_id, csrf, expires_at) VALUES ($1, $2, $3, now() + interval '${SESSION_HOURS} hours')`, [sha256(secret), personId, csrf]);
  return { secret, csrf };
}

export async function sessionBySecret(db: Queryable, secret: string): Promise<{ person: Person; csrf: string } | undefined> {
  const rows = await db.query<Person & { csrf: string }>('SELECT p.id, p.name, p.role, s.csrf FROM sessions s JOIN people p ON p.id = s.person_id WHERE s.id_hash = $1 AND s.expires_at > now()', [sha256(secret)]);
  const row = rows[0];
  return row ? { person: { id: row.id, name: row.name, role: row.role }, csrf: row.csrf } : undefined;
}

export async function closeSession(db: Queryable, secret: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(secret)]);
}

/** Throws 403 unless the person holds at least the role. */
export function requireRole(person: Person | undefined, role: Role): Person {
  if (!person) throw new StoreError(401, `this needs a ${role} account: send a token (Authorization: Bearer ho_…) or sign in`);
  if (RANK[person.role] < RANK[role]) throw new StoreError(403, `this needs the ${role} role; ${person.name} is a ${person.role}`);
  return person;
}
