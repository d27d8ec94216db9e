// Who is asking and may they write: API tokens, session cookies and the form token (CSRF); the limit on writes is in rate-limit.ts.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../store/audit-log.js';
import { type Person, StoreError, personByToken, sessionBySecret } from '../store/people.js';
import type { Store } from '../store/store.js';
import { remoteAddress } from './rate-limit.js';

export const SESSION_COOKIE = 'howopen_session';
/** The form token of a visitor without an account (double-submit: cookie and hidden field must agree). */
export const FORM_COOKIE = 'howopen_form';

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

export function cookieOptions(c: Context, maxAge?: number) {
  return { httpOnly: true, sameSite: 'Strict' as const, path: '/', secure: secure(c), ...(maxAge !== undefined ? { maxAge } : {}) };
}

/** The client's address as the socket gives it (no proxy header is trusted). */
const clientAddress = remoteAddress;

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
