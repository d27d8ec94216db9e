// Rate limits, one token bucket per key in a bounded table: per address as Hono middleware, and the store's writes per address and per account.
import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../store/audit-log.js';

export interface RateLimitOptions {
  /** Requests an address may make per window, and at once (the bucket's size). */
  limit: number;
  /** The window in milliseconds (default one minute): the bucket refills `limit` tokens over it. */
  windowMs?: number;
  /** Addresses remembered at most; the least recently seen are forgotten first. */
  maxAddresses?: number;
  /** The client's address; default: the socket's remote address (node-server), or "local". */
  key?: (c: Context) => string;
  /** The answer when an address is over its limit; default: 429 with a JSON error. */
  onLimit?: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>;
  /** For tests: the clock in milliseconds. */
  now?: () => number;
}

interface Bucket { tokens: number; at: number }

/** The remote address of a request served by @hono/node-server, or "local" (app.request in tests). */
export function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/** Token buckets by key: each holds `limit` tokens and refills them over `windowMs`; the least recently seen keys are forgotten first. */
class Buckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rate: number;
  constructor(readonly windowMs: number, private readonly maxKeys: number, private readonly now: () => number) { this.rate = 1 / windowMs; }

  private read(key: string, limit: number, t: number): Bucket {
    const seen = this.buckets.get(key);
    return seen ? { tokens: Math.min(limit, seen.tokens + (t - seen.at) * this.rate * limit), at: t } : { tokens: limit, at: t };
  }

  private keep(key: string, bucket: Bucket): void {
    // Re-inserted, so the Map's order is least recently seen first.
    this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    this.buckets.set(key, bucket);
  }

  /** Takes one token from every key's bucket, or none: the seconds to wait when one of them is empty. */
  take(keys: readonly (readonly [string, number])[]): number | undefined {
    const t = this.now();
    const read = keys.map(([key, limit]) => ({ key, limit, bucket: this.read(key, limit, t) }));
    const empty = read.find((r) => r.bucket.tokens < 1);
    if (empty) {
      for (const r of read) this.keep(r.key, r.bucket);
      return Math.max(1, Math.ceil((1 - empty.bucket.tokens) / (this.rate * empty.limit) / 1000));
    }
    for (const r of read) this.keep(r.key, { tokens: r.bucket.tokens - 1, at: t });
    return undefined;
  }
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  const key = options.key ?? remoteAddress;
  const buckets = new Buckets(windowMs, options.maxAddresses ?? 10_000, options.now ?? Date.now);
  const onLimit = options.onLimit ?? ((c: Context, retry: number) => c.json({ error: `too many requests from this address (at most ${options.limit} per ${windowMs / 1000} s); retry after ${retry} s` }, 429, { 'Retry-After': String(retry) }));
  return async (c, next) => {
    const retry = buckets.take([[key(c), options.limit]]);
    if (retry !== undefined) return onLimit(c, retry);
    await next();
  };
}

export class RateLimited extends Error {
  constructor(readonly retryAfter: number) { super(`too many writes; try again in ${retryAfter} s`); }
}

/** The store's writes per minute per address and, for a person, per account too: a write takes from both buckets. */
export class WriteLimiter {
  private readonly buckets: Buckets;

  constructor(private readonly perMinute: { address: number; account: number }, now: () => number = Date.now) {
    this.buckets = new Buckets(60_000, 10_000, now);
  }

  /** Counts one write, or throws RateLimited. */
  take(actor: Actor): void {
    const keys: [string, number][] = [[`a:${actor.address ?? 'local'}`, this.perMinute.address]];
    if (actor.person) keys.push([`p:${actor.person.id}`, this.perMinute.account]);
    const retry = this.buckets.take(keys);
    if (retry !== undefined) throw new RateLimited(retry);
  }
}
