// howopen submit: sends a model record to the review queue, locally (the store) or to a running server (--server URL --token T).
import type { Command } from 'commander';
import { readText } from '../../interop/files.js';
import type { RecordDiff } from '../../store/diff.js';
import { formatProblem } from '../../registry/problem.js';
import type { Context } from '../context.js';
import { InputError } from '../output.js';
import { callServer } from '../remote.js';
import { type StoreFlags, openCliStore, storeOptions } from '../store-open.js';
import { storeErrorAsInput } from '../store-errors.js';

export function diffLines(diff: RecordDiff): string[] {
  const lines = [diff.added ? 'a new model' : `${diff.cells.length} cell(s) and ${diff.fields.length} other field(s) change`];
  for (const c of diff.cells) lines.push(`  ${c.component}: ${c.levelBefore ?? 'new'} → ${c.levelAfter}${c.before && c.after && c.before.status !== c.after.status ? ` (${c.before.status} → ${c.after.status})` : ''}`);
  for (const f of diff.fields) lines.push(`  ${f.field} changes`);
  for (const v of diff.verdicts) lines.push(`  verdict ${v.framework}: ${JSON.stringify(v.before)} → ${JSON.stringify(v.after)}`);
  return lines;
}

export function submitCommand(program: Command, ctx: Context): Command {
  return storeOptions(program.command('submit')
    .description('send a model record for review; checked exactly as validate checks a file')
    .argument('<file>', 'a model record (YAML)')
    .option('--server <url>', 'a running howopen server to send it to (default: the local store)')
    .option('--token <token>', 'your API token (else $HOWOPEN_TOKEN); without one the submission is unverified')
    .option('--comment <text>', 'a note for the reviewers')
    .addHelpText('after', '\nExamples:\n  howopen submit my-model.yaml\n  howopen submit my-model.yaml --server https://howopen.example.org --token ho_…'))
    .action(async (file: string, opts: StoreFlags & { server?: string; token?: string; comment?: string }) => {
      const read = await readText(file, { cap: 256 * 1024 });
      if (!read.ok) throw new InputError(`${file}: ${read.message}`);
      const token = opts.token ?? process.env.HOWOPEN_TOKEN;
      if (opts.server) {
        const path = `api/v1/submissions${opts.comment ? `?comment=${encodeURIComponent(opts.comment)}` : ''}`;
        const answer = await callServer({ server: opts.server, ...(token ? { token } : {}) }, 'POST', path, read.text, 'application/yaml');
        const body = answer.body as { id?: number; verified?: boolean; diff?: RecordDiff; error?: string; problems?: { line: number; col: number; field?: string; message: string }[] };
        if (answer.status === 400 && body.problems) {
          for (const p of body.problems) ctx.io.out(formatProblem({ file, ...p }));
          ctx.io.err(`${body.problems.length} problem(s); nothing was sent`);
          ctx.exitCode = 2;
          return;
        }
        if (answer.status !== 201) throw new InputError(`the server answered ${answer.status}: ${body.error ?? 'error'}`);
        ctx.io.out(`submission ${body.id} queued${body.verified ? '' : ' (unverified: no token)'}; ${diffLines(body.diff!).join('\n')}`);
        return;
      }
      const { store } = await openCliStore(ctx, opts, await ctx.registry());
      try {
        const { personByToken } = await import('../../store/people.js');
        const person = token ? await storeErrorAsInput(personByToken(store.db, token)) : undefined;
        const result = await store.submit(read.text, file, { ...(person ? { person } : {}), address: 'cli' }, opts.comment);
        if (!result.ok) {
          for (const p of result.problems) ctx.io.out(formatProblem(p));
          ctx.io.err(`${result.problems.length} problem(s); nothing was queued`);
          ctx.exitCode = 2;
          return;
        }
        ctx.io.out(`submission ${result.id} queued${person ? '' : ' (unverified: no token)'}; ${diffLines(result.diff).join('\n')}`);
      } finally {
        await store.close();
      }
    });
}
