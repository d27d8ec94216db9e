// The store's JSON API: submissions and their review, disputes on cells, history and changes; writes need a token where a role is needed.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isIsoDate } from '../../core/dates.js';
import type { LiveRegistry } from '../../store/live-registry.js';
import { StoreError, requireRole } from '../../store/people.js';
import type { Store, SubmissionView } from '../../store/store.js';
import { SUBMISSION_STATUSES, type Submission, type SubmissionStatus } from '../../store/submissions.js';
import { CLASSIFY_MAX_BYTES } from './api.js';
import type { WriteLimiter } from '../rate-limit.js';
import { apiActor } from '../store-access.js';
import { apiFailure, problemsBody, sendJson } from '../store-answers.js';

export interface StoreRouteContext {
  store: Store;
  live: LiveRegistry;
  limiter: WriteLimiter;
}

/** A submission as the API shows it: the record, its state, and who sent it. */
export function submissionJson(s: Submission) {
  return { id: s.id, model: s.modelId, status: s.status, stale: s.stale, verified: s.verified, submitted_by: s.submittedBy, comment: s.comment, created_at: s.createdAt, updated_at: s.updatedAt, record: s.record, record_text: s.recordText };
}

export function submissionViewJson(v: SubmissionView) {
  return { ...submissionJson(v.submission), stale: v.stale || v.submission.stale, current_hash: v.currentHash, diff: v.diff, reviews: v.reviews };
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch { /* reported below */ }
  throw new StoreError(400, 'the body must be a JSON object');
}

function submissionId(c: Context): number {
  const id = Number((c.req.param('id') ?? ''));
  if (!Number.isSafeInteger(id) || id <= 0) throw new StoreError(404, `there is no submission "${(c.req.param('id') ?? '')}"`);
  return id;
}

export function storeApiRoutes(app: Hono, ctx: StoreRouteContext): void {
  const { store, limiter } = ctx;
  const base = '/api/v1';
  const limit = bodyLimit({ maxSize: CLASSIFY_MAX_BYTES, onError: (c) => sendJson(c, { error: `the body is larger than ${CLASSIFY_MAX_BYTES} bytes` }, 413) });
  const guard = (handler: (c: Context) => Promise<Response>) => async (c: Context) => {
    try { return await handler(c); } catch (e) { return apiFailure(c, e); }
  };

  app.post(`${base}/submissions`, limit, guard(async (c) => {
    const actor = await apiActor(c, store);
    limiter.take(actor);
    const comment = c.req.query('comment');
    const result = await store.submit(await c.req.text(), 'submission', actor, comment);
    if (!result.ok) return sendJson(c, problemsBody(result.problems), 400);
    return sendJson(c, { id: result.id, status: 'pending', verified: Boolean(actor.person), url: `/review/${result.id}`, diff: result.diff }, 201, { Location: `${base}/submissions/${result.id}` });
  }));

  app.get(`${base}/submissions`, guard(async (c) => {
    requireRole((await apiActor(c, store)).person, 'reviewer');
    const status = c.req.query('status') ?? 'pending';
    if (status !== 'all' && !SUBMISSION_STATUSES.includes(status as SubmissionStatus)) throw new StoreError(400, `status must be all or one of ${SUBMISSION_STATUSES.join(', ')}`);
    return sendJson(c, (await store.queue(status === 'all' ? undefined : status as SubmissionStatus)).map(submissionJson));
  }));

  app.get(`${base}/submissions/:id`, guard(async (c) => {
    const actor = await apiActor(c, store);
    const view = await store.show(submissionId(c));
    // The submitter may follow their own submission (and read the reviewer's comments); reviewers see all.
    if (!(actor.person && actor.person.name === view.submission.submittedBy)) requireRole(actor.person, 'reviewer');
    return sendJson(c, submissionViewJson(view));
  }));

  for (const [route, action] of [['approve', 'approve'], ['request-changes', 'request_changes'], ['reject', 'reject']] as const) {
    app.post(`${base}/submissions/:id/${route}`, limit, guard(async (c) => {
      const actor = await apiActor(c, store);
      requireRole(actor.person, 'reviewer');
      limiter.take(actor);
      const body = await jsonBody(c);
      const id = submissionId(c);
      if (action === 'approve') {
        const base = typeof body.base === 'string' ? body.base : undefined;
        const { submission, change } = await store.approve(id, actor, { ...(base ? { base } : {}), comment: body.comment });
        return sendJson(c, { ...submissionJson(submission), change });
      }
      return sendJson(c, submissionJson(await store.decide(id, actor, action, body.comment)));
    }));
  }

  app.get(`${base}/models/:id/disputes`, guard(async (c) => sendJson(c, await store.disputesOf((c.req.param('id') ?? '')))));
  app.post(`${base}/models/:id/disputes`, limit, guard(async (c) => {
    const actor = await apiActor(c, store);
    limiter.take(actor);
    const body = await jsonBody(c);
    const id = await store.dispute((c.req.param('id') ?? ''), String(body.component ?? ''), body.message, body.evidence, actor);
    return sendJson(c, { id, status: 'open' }, 201);
  }));
  for (const to of ['accepted', 'rejected'] as const) {
    app.post(`${base}/disputes/:id/${to === 'accepted' ? 'accept' : 'reject'}`, limit, guard(async (c) => {
      const actor = await apiActor(c, store);
      requireRole(actor.person, 'reviewer');
      limiter.take(actor);
      const body = await jsonBody(c);
      return sendJson(c, await store.resolve(Number((c.req.param('id') ?? '')), to, body.reason, actor, { fix: body.fix, apply: body.apply === true }));
    }));
  }

  app.get(`${base}/models/:id/history`, guard(async (c) => {
    const id = (c.req.param('id') ?? '');
    return sendJson(c, (await store.historyOf(id)).map((h) => ({ id: h.id, model: h.modelId, submission: h.submissionId, author: h.author, reason: h.reason, evidence: h.evidence, date: h.createdAt, before: h.beforeText, after: h.afterText })));
  }));

  app.get(`${base}/changes`, guard(async (c) => {
    const since = c.req.query('since') ?? '1970-01-01';
    if (!isIsoDate(since)) throw new StoreError(400, `since must be a date YYYY-MM-DD (got "${since}")`);
    return sendJson(c, (await store.changesSince(new Date(`${since}T00:00:00Z`))).map((h) => ({ id: h.id, model: h.modelId, author: h.author, reason: h.reason, date: h.createdAt, before: h.beforeText, after: h.afterText })));
  }));
}
