// Who is asking and may they write: API tokens, session cookies, the form token (CSRF) and a limit on writes per address and account.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../store/audit-log.js';
import { type Person, StoreError, personByToken, sessionBySecret } from '../store/people.js';
import type { Store } from '../store/store.js';

export const SESSION_COOKIE = 'howopen_session';
/** The form token of a visitor without an account (double-submit: cookie and hidden field must agree). */
export const FORM_COOKIE = 'howopen_form';

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

export function cookieOptions(c: Context, maxAge?: number) {
  return { httpOnly: true, sameSite: 'Strict' as const, path: '/', secure: secure(c), ...(maxAge !== undefined ? { maxAge } : {}) };
}

/** The client's address as the socket gives it (no proxy header is trusted). */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/** An API caller: a Bearer token names the person (a bad one is 401); without one, anonymous. Cookies are never read here. */
export async function apiActor(c: Context, store: Store): Promise<Actor> {
  const header = c.req.header('authorization');
  const address = clientAddress(c);
  if (!header) return { address };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new StoreError(401, 'the Authorization header must be "Bearer <token>"');
  return { person: await personByToken(store.db, match[1]!), address };
}

export interface PageVisitor { actor: Actor; person?: Person; csrf: string }

/** A browser visitor: the session cookie names the person; every visitor has a form token. */
export async function pageVisitor(c: Context, store: Store): Promise<PageVisitor> {
  const address = clientAddress(c);
  const secret = getCookie(c, SESSION_COOKIE);
  const session = secret ? await sessionBySecret(store.db, secret) : undefined;
  if (session) return { actor: { person: session.person, address }, person: session.person, csrf: session.csrf };
  let token = getCookie(c, FORM_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{32}$/.test(token)) {
    token = randomBytes(24).toString('base64url');
    setCookie(c, FORM_COOKIE, token, cookieOptions(c));
  }
  return { actor: { address }, csrf: token };
}

/** A form POST must carry the visitor's form token: 403 without it. */
export function checkCsrf(visitor: PageVisitor, sent: unknown): void {
  const a = Buffer.from(typeof sent === 'string' ? sent : '');
  const b = Buffer.from(visitor.csrf);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new StoreError(403, 'the form token is missing or wrong; reload the page and send the form again');
}

export class RateLimited extends Error {
  constructor(readonly retryAfter: number) { super(`too many writes; try again in ${retryAfter} s`); }
}

/** Writes per minute per address and per account, counted in fixed one-minute windows. */
export class WriteLimiter {
  private windows = new Map<string, { count: number; resets: number }>();

  constructor(private readonly perMinute: { address: number; account: number }, private readonly now: () => number = Date.now) {}

  /** Counts one write, or throws RateLimited. */
  take(actor: Actor): void {
    const t = this.now();
    if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (w.resets <= t) this.windows.delete(k);
    const keys: [string, number][] = [[`a:${actor.address ?? 'local'}`, this.perMinute.address]];
    if (actor.person) keys.push([`p:${actor.person.id}`, this.perMinute.account]);
    for (const [key, limit] of keys) {
      const w = this.windows.get(key);
      if (w && w.resets > t && w.count >= limit) throw new RateLimited(Math.ceil((w.resets - t) / 1000));
    }
    for (const [key] of keys) {
      const w = this.windows.get(key);
      if (!w || w.resets <= t) this.windows.set(key, { count: 1, resets: t + 60_000 });
      else w.count++;
    }
  }
}
