// howopen review: the queue from the shell; list, show, approve, request changes, reject, on the local store (--as NAME) or a server (--server URL --token T).
import type { Command } from 'commander';
import type { Actor } from '../../store/audit-log.js';
import type { Store } from '../../store/store.js';
import type { Context } from '../context.js';
import { InputError, json } from '../output.js';
import { callServer, expectOk } from '../remote.js';
import { type StoreFlags, openCliStore, storeOptions } from '../store-open.js';
import { storeErrorAsInput } from '../store-errors.js';
import { diffLines } from './submit.js';

interface ReviewFlags extends StoreFlags { server?: string; token?: string; as?: string; format?: string }

function common(command: Command): Command {
  return storeOptions(command)
    .option('--as <name>', 'the reviewer you are, on the local store')
    .option('--server <url>', 'a running howopen server (default: the local store)')
    .option('--token <token>', 'your API token for --server (else $HOWOPEN_TOKEN)')
    .option('--format <format>', 'text or json', 'text');
}

function parseId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id <= 0) throw new InputError(`the submission id must be a positive number (got "${text}")`);
  return id;
}

async function withLocal<T>(ctx: Context, opts: ReviewFlags, work: (store: Store, actor: Actor) => Promise<T>): Promise<T> {
  const { store } = await openCliStore(ctx, opts, await ctx.registry());
  try {
    const { personByName, personByToken } = await import('../../store/people.js');
    const token = opts.token ?? process.env.HOWOPEN_TOKEN;
    const person = opts.as ? await personByName(store.db, opts.as) : token ? await storeErrorAsInput(personByToken(store.db, token)) : undefined;
    if (opts.as && !person) throw new InputError(`there is no person named "${opts.as}" in the store (howopen admin create-user ${opts.as} --role reviewer)`);
    return await storeErrorAsInput(work(store, { ...(person ? { person } : {}), address: 'cli' }));
  } finally {
    await store.close();
  }
}

const remote = (opts: ReviewFlags) => ({ server: opts.server!, ...((opts.token ?? process.env.HOWOPEN_TOKEN) ? { token: opts.token ?? process.env.HOWOPEN_TOKEN } : {}) });

export function reviewCommand(program: Command, ctx: Context): Command {
  const review = program.command('review').description('review submissions: list, show, approve, request-changes, reject');

  common(review.command('list').description('the queue (pending submissions)').option('--status <status>', 'pending, changes_requested, approved, rejected or all', 'pending'))
    .action(async (opts: ReviewFlags & { status: string }) => {
      const rows = opts.server
        ? expectOk(await callServer(remote(opts), 'GET', `api/v1/submissions?status=${encodeURIComponent(opts.status)}`)) as { id: number; model: string; status: string; stale: boolean; submitted_by: string | null; created_at: string }[]
        : await withLocal(ctx, opts, async (store, actor) => {
          (await import('../../store/people.js')).requireRole(actor.person, 'reviewer');
          const { SUBMISSION_STATUSES } = await import('../../store/submissions.js');
          if (opts.status !== 'all' && !(SUBMISSION_STATUSES as readonly string[]).includes(opts.status)) throw new InputError(`--status must be all or one of ${SUBMISSION_STATUSES.join(', ')}`);
          const { submissionJson } = await import('../../server/routes/store-api.js');
          return (await store.queue(opts.status === 'all' ? undefined : opts.status as 'pending')).map(submissionJson);
        });
      if (opts.format === 'json') { ctx.io.out(json(rows)); return; }
      for (const r of rows) ctx.io.out(`${r.id}\t${r.model}\t${r.status}${r.stale ? ' (stale)' : ''}\t${r.submitted_by ?? 'unverified'}\t${r.created_at.slice(0, 10)}`);
      ctx.io.err(`${rows.length} submission(s)`);
    });

  common(review.command('show').description('one submission: the cell-by-cell diff and the level and verdict changes').argument('<id>'))
    .action(async (idText: string, opts: ReviewFlags) => {
      const id = parseId(idText);
      const view = opts.server
        ? expectOk(await callServer(remote(opts), 'GET', `api/v1/submissions/${id}`)) as Record<string, unknown>
        : await withLocal(ctx, opts, async (store, actor) => {
          (await import('../../store/people.js')).requireRole(actor.person, 'reviewer');
          const { submissionViewJson } = await import('../../server/routes/store-api.js');
          return submissionViewJson(await store.show(id)) as unknown as Record<string, unknown>;
        });
      if (opts.format === 'json') { ctx.io.out(json(view)); return; }
      ctx.io.out(`submission ${id}: ${String(view.model)} · ${String(view.status)}${view.stale ? ' · STALE (the model changed since; approve with --base ' + String(view.current_hash) + ')' : ''} · by ${String(view.submitted_by ?? 'unverified')}`);
      ctx.io.out(diffLines(view.diff as Parameters<typeof diffLines>[0]).join('\n'));
      ctx.io.out(`base: ${String(view.current_hash)}`);
    });

  common(review.command('approve').description('approve: writes the record into the registry and records history').argument('<id>')
    .option('--base <hash>', 'the current record\'s hash shown by review show (needed when the submission is stale)').option('--comment <text>', 'a note for the history'))
    .action(async (idText: string, opts: ReviewFlags & { base?: string; comment?: string }) => {
      const id = parseId(idText);
      const body = { ...(opts.base ? { base: opts.base } : {}), ...(opts.comment ? { comment: opts.comment } : {}) };
      const result = opts.server
        ? expectOk(await callServer(remote(opts), 'POST', `api/v1/submissions/${id}/approve`, JSON.stringify(body))) as { model: string; change: number }
        : await withLocal(ctx, opts, async (store, actor) => { const r = await store.approve(id, actor, body); return { model: r.submission.modelId, change: r.change }; });
      ctx.io.out(`approved submission ${id}: models/${result.model}.yaml written (change ${result.change})`);
    });

  for (const [name, action, what] of [['request-changes', 'request_changes', 'send back with a comment the submitter sees'], ['reject', 'reject', 'reject with a reason']] as const) {
    common(review.command(name).description(what).argument('<id>').requiredOption('--comment <text>', 'the comment (required)'))
      .action(async (idText: string, opts: ReviewFlags & { comment: string }) => {
        const id = parseId(idText);
        const result = opts.server
          ? expectOk(await callServer(remote(opts), 'POST', `api/v1/submissions/${id}/${name}`, JSON.stringify({ comment: opts.comment }))) as { status: string }
          : await withLocal(ctx, opts, async (store, actor) => store.decide(id, actor, action, opts.comment));
        ctx.io.out(`submission ${id}: ${result.status.replace('_', ' ')}`);
      });
  }
  return review;
}
