// The store's pages: the self-assessment wizard, sign-in, the review queue and decisions, a model's history and disputes, the feed of changes.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { advise } from '../../core/advice.js';
import { classify } from '../../core/classify.js';
import { verdicts } from '../../core/frameworks/index.js';
import type { ModelRecord } from '../../core/model.js';
import { recordToYaml } from '../../interop/record-yaml.js';
import { checkRecordText } from '../../store/check.js';
import { recordDiff } from '../../store/diff.js';
import { type GitRevision, gitHistoryOf } from '../../store/git-history.js';
import type { Change } from '../../store/history.js';
import type { LiveRegistry } from '../../store/live-registry.js';
import { type Role, StoreError, closeSession, listPeople, openSession, personByName, personByToken, requireRole } from '../../store/people.js';
import { adminPage } from '../views/admin-pages.js';
import type { Store } from '../../store/store.js';
import { TYPES } from '../answers.js';
import { parseAsOf, utcDate } from '../dates.js';
import type { Links } from '../links.js';
import { ADVICE_LIMIT } from '../data.js';
import type { WriteLimiter } from '../rate-limit.js';
import { type PageVisitor, SESSION_COOKIE, checkCsrf, cookieOptions, pageVisitor } from '../store-access.js';
import { send, storeFailure } from '../store-answers.js';
import { type Form, formFromRecord, readForm, recordFromForm } from '../submit-form.js';
import { changesFeed } from '../views/changes-feed.js';
import { errorPage } from '../views/error-page.js';
import { historyPage } from '../views/history-page.js';
import { queuePage, signinPage, submissionPage, submittedPage } from '../views/review-pages.js';
import { submitPage } from '../views/submit-page.js';
import type { Html } from '../html.js';
import { parseRecord } from '../../registry/parse.js';
import { modelSchema } from '../../registry/schema.js';
import { stringify as stringifyYaml } from 'yaml';

export interface StorePageContext {
  store: Store;
  live: LiveRegistry;
  limiter: WriteLimiter;
  links(url: string): Links;
  clock(): Date;
}

const FORM_MAX_BYTES = 512 * 1024;

/**
 * The record's text as it stood at the end of a date: the newest approval or commit on or before it
 * (approvals and commits may hold the same change; either gives the same text).
 */
function recordAsOf(date: string, changes: readonly Change[], revisions: readonly GitRevision[]): { text: string | null; source: string } | undefined {
  const end = `${date}T23:59:59.999Z`;
  const dated = [
    ...changes.map((h) => ({ at: h.createdAt, text: h.afterText as string | null, source: `approved change ${h.id}` })),
    ...revisions.map((r) => ({ at: new Date(r.date).toISOString(), text: r.text, source: `commit ${r.commit.slice(0, 12)}` })),
  ].filter((x) => x.at <= end).sort((a, b) => a.at.localeCompare(b.at));
  return dated.at(-1);
}

/** Each component's entry as YAML, for the reviewer to edit into the fix of a dispute. */
function currentEntries(model: ModelRecord | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(model?.components ?? {}).map(([k, e]) => [k, stringifyYaml(e)]));
}

export function storePageRoutes(app: Hono, ctx: StorePageContext): void {
  const { store, live, limiter } = ctx;
  const htmlPage = (c: Context, body: Html, status = 200) => send(c, body.value, TYPES.html, status);
  const limit = bodyLimit({ maxSize: FORM_MAX_BYTES, onError: (c) => htmlPage(c, errorPage(ctx.links(c.req.url), 413, `the form is larger than ${FORM_MAX_BYTES} bytes`), 413) });
  /** Every store page: errors become an error page with their status. */
  const guard = (handler: (c: Context, links: Links) => Promise<Response>) => async (c: Context) => {
    const links = ctx.links(c.req.url);
    try { return await handler(c, links); } catch (e) {
      const f = storeFailure(e);
      const res = htmlPage(c, errorPage(links, f.status, String(f.body.error)), f.status);
      for (const [k, v] of Object.entries(f.headers)) if (k !== 'WWW-Authenticate') res.headers.set(k, v);
      return res;
    }
  };
  /** A form POST: the visitor, the form's fields, its token checked (403 without), and the write counted. */
  const posted = async (c: Context): Promise<{ visitor: PageVisitor; form: Form }> => {
    const visitor = await pageVisitor(c, store);
    const { form, errors } = readForm(await c.req.parseBody() as Record<string, unknown>);
    checkCsrf(visitor, form.csrf);
    if (errors.length) throw new StoreError(400, errors.join('; '));
    limiter.take(visitor.actor);
    return { visitor, form };
  };
  const today = () => utcDate(ctx.clock());

  // The wizard

  const wizard = (c: Context, links: Links, visitor: PageVisitor, form: Form, extra: Partial<Parameters<typeof submitPage>[1]> = {}, status = 200) =>
    htmlPage(c, submitPage(links, { form, csrf: visitor.csrf, ...(visitor.person ? { person: visitor.person } : {}), licenses: live.current().licenses, ...extra }), status);

  app.get('/submit', guard(async (c, links) => {
    const visitor = await pageVisitor(c, store);
    const id = c.req.query('model');
    const current = id ? live.current().model(id) : undefined;
    return wizard(c, links, visitor, current ? formFromRecord(current) : {});
  }));

  /** The record the form describes, as registry YAML, with the problems validate would report. */
  const fromForm = (form: Form) => {
    const record = recordFromForm(form);
    const yaml = recordToYaml(record);
    return { record, yaml, checked: checkRecordText(yaml, 'form', live.current()) };
  };

  app.post('/submit/check', limit, guard(async (c, links) => {
    const visitor = await pageVisitor(c, store);
    const { form } = readForm(await c.req.parseBody() as Record<string, unknown>);
    checkCsrf(visitor, form.csrf);
    const { yaml, checked } = fromForm(form);
    if (!checked.ok) return wizard(c, links, visitor, form, { problems: checked.problems }, 400);
    const registry = live.current();
    const record = checked.record;
    const classification = classify(record, registry.index);
    const asOf = today();
    return wizard(c, links, visitor, form, { preview: {
      classification, verdicts: verdicts(record, registry, { asOf }, classification), advice: advise(record, registry, { asOf }, ADVICE_LIMIT), yaml, asOf,
      diff: recordDiff(registry.model(record.id), record, registry, asOf),
    } });
  }));

  app.post('/submit/record.yaml', limit, guard(async (c, links) => {
    const visitor = await pageVisitor(c, store);
    const { form } = readForm(await c.req.parseBody() as Record<string, unknown>);
    checkCsrf(visitor, form.csrf);
    const { yaml, checked } = fromForm(form);
    if (!checked.ok) return wizard(c, links, visitor, form, { problems: checked.problems }, 400);
    return send(c, yaml, 'application/yaml; charset=utf-8', 200, { 'Content-Disposition': `attachment; filename="${checked.record.id}.yaml"` });
  }));

  app.post('/submit', limit, guard(async (c, links) => {
    const { visitor, form } = await posted(c);
    const pasted = form.record?.trim();
    const text = pasted ? form.record! : fromForm(form).yaml;
    const result = await store.submit(text, pasted ? 'record' : 'form', visitor.actor, form.comment);
    if (!result.ok) {
      const pastedRecord = pasted ? parseRecord(text, 'record', modelSchema).value as ModelRecord | undefined : undefined;
      return wizard(c, links, visitor, pasted ? { ...(pastedRecord ? formFromRecord(pastedRecord) : {}), record: form.record! } : form, { problems: result.problems }, 400);
    }
    return c.redirect(`/submitted/${result.id}`, 303);
  }));

  app.get('/submitted/:id', guard(async (c, links) => {
    const visitor = await pageVisitor(c, store);
    const view = await store.show(Number(c.req.param('id')));
    const s = view.submission;
    // The page says what was queued; the record itself is shown to its submitter and to reviewers only.
    const mine = visitor.person && (visitor.person.name === s.submittedBy || visitor.person.role !== 'submitter');
    const main = `Submission ${s.id} for ${s.modelId} is ${s.status.replace('_', ' ')}${s.verified ? '' : ' (unverified: sent without an account)'}.`;
    return htmlPage(c, mine ? submissionPage(links, visitor.person!, visitor.csrf, view, main) : submittedPage(links, main));
  }));

  // Sign-in

  app.get('/signin', guard(async (c, links) => htmlPage(c, signinPage(links, (await pageVisitor(c, store)).csrf))));
  app.post('/signin', limit, guard(async (c, links) => {
    const { visitor, form } = await posted(c);
    let person;
    try {
      person = await personByToken(store.db, (form.token ?? '').trim());
    } catch (e) {
      if (e instanceof StoreError && e.status === 401) return htmlPage(c, signinPage(links, visitor.csrf, e.message), 401);
      throw e;
    }
    const { secret } = await openSession(store.db, person.id);
    setCookie(c, SESSION_COOKIE, secret, cookieOptions(c, 12 * 3600));
    return c.redirect(person.role === 'submitter' ? '/submit' : '/review', 303);
  }));
  app.post('/signout', limit, guard(async (c) => {
    const { form } = { form: readForm(await c.req.parseBody() as Record<string, unknown>).form };
    const visitor = await pageVisitor(c, store);
    checkCsrf(visitor, form.csrf);
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) await closeSession(store.db, secret);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  }));

  // Review

  const reviewer = async (c: Context) => {
    const visitor = await pageVisitor(c, store);
    requireRole(visitor.person, 'reviewer');
    return visitor;
  };

  app.get('/review', guard(async (c, links) => {
    const visitor = await reviewer(c);
    return htmlPage(c, queuePage(links, visitor.person!, visitor.csrf, await store.queue(), await store.openDisputes()));
  }));
  app.get('/review/:id', guard(async (c, links) => {
    const visitor = await reviewer(c);
    const done = c.req.query('done');
    return htmlPage(c, submissionPage(links, visitor.person!, visitor.csrf, await store.show(Number(c.req.param('id'))), done ? `Done: ${done.replace('_', ' ')}.` : undefined));
  }));
  app.post('/review/:id', limit, guard(async (c) => {
    const { visitor, form } = await posted(c);
    requireRole(visitor.person, 'reviewer');
    const id = Number(c.req.param('id'));
    if (form.action === 'approve') await store.approve(id, visitor.actor, { ...(form.base ? { base: form.base } : {}), comment: form.comment });
    else if (form.action === 'request_changes' || form.action === 'reject') await store.decide(id, visitor.actor, form.action, form.comment);
    else throw new StoreError(400, 'action must be approve, request_changes or reject');
    return c.redirect(`/review/${id}?done=${form.action}`, 303);
  }));

  // History and disputes

  app.get('/models/:id/history', guard(async (c, links) => {
    const id = c.req.param('id') ?? '';
    const registry = live.current();
    const model = registry.model(id);
    const [changes, revisions] = await Promise.all([store.historyOf(id), gitHistoryOf(live.dir, id)]);
    if (!model && !changes.length && !revisions.length) throw new StoreError(404, `There is no model "${id}" in the registry.`);
    const asOfParam = c.req.query('as-of');
    const parsed = parseAsOf(asOfParam, today());
    if (parsed.error !== undefined) throw new StoreError(400, parsed.error);
    const visitor = await pageVisitor(c, store);
    const asOf = today();
    const read = (text: string | null, name: string) => text ? parseRecord(text, name, modelSchema).value as ModelRecord | undefined : undefined;
    const views = changes.map((change) => {
      const before = read(change.beforeText, 'before');
      const after = read(change.afterText, 'after');
      return { change, cells: after ? recordDiff(before, after, registry, asOf).cells : [] };
    });
    // Oldest first, each revision against the one before it: the cells a commit moved.
    const oldestFirst = [...revisions].reverse();
    const gitViews = oldestFirst.map((revision, i) => {
      const after = read(revision.text, revision.commit);
      const before = i > 0 ? read(oldestFirst[i - 1]!.text, oldestFirst[i - 1]!.commit) : undefined;
      return { revision, added: i === 0, cells: after ? recordDiff(before, after, registry, asOf).cells : [] };
    });
    const stood = asOfParam ? recordAsOf(parsed.asOf, changes, revisions) : undefined;
    const stoodRecord = stood ? read(stood.text, 'as-of') : undefined;
    const notice = c.req.query('disputed') ? 'Your dispute is open; it shows on this page until a reviewer resolves it.' : undefined;
    return htmlPage(c, historyPage(links, {
      id, name: model?.name ?? id, changes: views, git: gitViews, disputes: await store.disputesOf(id), entries: currentEntries(model), csrf: visitor.csrf,
      reviewer: visitor.person?.role !== undefined && visitor.person.role !== 'submitter', ...(notice ? { message: notice } : {}),
      ...(asOfParam ? { asOf: { date: parsed.asOf, source: stood?.source ?? null, cells: stoodRecord ? recordDiff(undefined, stoodRecord, registry, parsed.asOf).cells : [] } } : {}),
    }));
  }));
  app.post('/models/:id/disputes', limit, guard(async (c) => {
    const { visitor, form } = await posted(c);
    const id = c.req.param('id') ?? '';
    await store.dispute(id, form.component ?? '', form.message, form.evidence ? [form.evidence] : [], visitor.actor);
    return c.redirect(`/models/${encodeURIComponent(id)}/history?disputed=1#disputes`, 303);
  }));
  app.post('/disputes/:id', limit, guard(async (c) => {
    const { visitor, form } = await posted(c);
    const to = form.action === 'accept' ? 'accepted' : form.action === 'reject' ? 'rejected' : null;
    if (!to) throw new StoreError(400, 'action must be accept or reject');
    const d = await store.resolve(Number(c.req.param('id')), to, form.reason, visitor.actor, { fix: form.fix, apply: form.apply === 'yes' });
    return c.redirect(`/models/${encodeURIComponent(d.modelId)}/history#dispute-${d.id}`, 303);
  }));

  // Admin: people and tokens, from the web as `howopen admin` does from the shell

  const admin = async (c: Context) => {
    const visitor = await pageVisitor(c, store);
    requireRole(visitor.person, 'admin');
    return visitor;
  };
  const adminView = async (c: Context, links: Links, visitor: PageVisitor, extra: { issued?: { name: string; token: string }; message?: string } = {}) =>
    htmlPage(c, adminPage(links, { person: visitor.person!, csrf: visitor.csrf, people: await listPeople(store.db), ...extra }));

  app.get('/admin', guard(async (c, links) => adminView(c, links, await admin(c))));
  app.post('/admin/users', limit, guard(async (c, links) => {
    const { visitor, form } = await posted(c);
    requireRole(visitor.person, 'admin');
    const { person, token } = await store.createUser((form.name ?? '').trim(), (form.role ?? '') as Role, visitor.actor);
    return adminView(c, links, visitor, { issued: { name: person.name, token }, message: `Created ${person.name} (${person.role}).` });
  }));
  app.post('/admin/tokens', limit, guard(async (c, links) => {
    const { visitor, form } = await posted(c);
    requireRole(visitor.person, 'admin');
    const person = await personByName(store.db, (form.name ?? '').trim());
    if (!person) throw new StoreError(404, `there is no person named "${form.name ?? ''}"`);
    return adminView(c, links, visitor, { issued: { name: person.name, token: await store.newToken(person, visitor.actor) } });
  }));

  app.get('/changes.atom', guard(async (c) => {
    const origin = new URL(c.req.url).origin;
    const since = new Date(ctx.clock().getTime() - 365 * 86400_000);
    return send(c, changesFeed(origin, (await store.changesSince(since)).slice(-100)), 'application/atom+xml; charset=utf-8');
  }));
}
