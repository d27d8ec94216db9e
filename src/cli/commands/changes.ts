// howopen changes: the approved changes since a date, as a patch that `git apply` takes in a checkout of the registry, or as JSON.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { choice, isoDate, json } from '../output.js';
import { type StoreFlags, openCliStore, storeOptions } from '../store-open.js';

export function changesCommand(program: Command, ctx: Context): Command {
  return storeOptions(program.command('changes')
    .description('approved changes since a date: a patch for git apply, or JSON')
    .requiredOption('--since <date>', 'YYYY-MM-DD (UTC), inclusive')
    .option('--format <format>', 'patch or json', 'patch')
    .option('--prefix <path>', 'the registry folder inside the checkout the patch is for', 'registry/')
    .addHelpText('after', '\nExample: howopen changes --since 2026-01-01 > approved.patch && git apply approved.patch'))
    .action(async (opts: StoreFlags & { since: string; format: string; prefix: string }) => {
      const since = isoDate(opts.since, '--since');
      const format = choice(opts.format, ['patch', 'json'] as const, '--format');
      const prefix = opts.prefix === '' || opts.prefix.endsWith('/') ? opts.prefix : `${opts.prefix}/`;
      const { store } = await openCliStore(ctx, opts, await ctx.registry());
      try {
        const changes = await store.changesSince(new Date(`${since}T00:00:00Z`));
        if (format === 'json') ctx.io.out(json(changes.map((c) => ({ id: c.id, model: c.modelId, author: c.author, reason: c.reason, date: c.createdAt, before: c.beforeText, after: c.afterText }))));
        else {
          const { changesPatch } = await import('../../store/patch.js');
          const patch = changesPatch(changes, prefix);
          if (patch) ctx.io.out(patch.replace(/\n$/, ''));
          ctx.io.err(`${changes.length} change(s) since ${since}`);
        }
      } finally {
        await store.close();
      }
    });
}
