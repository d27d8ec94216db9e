// howopen admin: people and their tokens in the store (create-user prints the API token once; only its hash is kept).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { choice } from '../output.js';
import { type StoreFlags, openCliStore, storeOptions } from '../store-open.js';
import { storeErrorAsInput } from '../store-errors.js';

export function adminCommand(program: Command, ctx: Context): Command {
  const admin = program.command('admin').description('manage the store\'s people: roles submitter, reviewer, admin');
  storeOptions(admin.command('create-user')
    .description('create a person with a role and print their API token (shown once)')
    .argument('<name>', 'user name: letters, digits, dots, dashes, underscores')
    .requiredOption('--role <role>', 'submitter, reviewer or admin')
    .addHelpText('after', '\nExample: howopen admin create-user alice --role admin'))
    .action(async (name: string, opts: StoreFlags & { role: string }) => {
      const role = choice(opts.role, ['submitter', 'reviewer', 'admin'] as const, '--role');
      const { store } = await openCliStore(ctx, opts, await ctx.registry());
      try {
        const { person, token } = await storeErrorAsInput(store.createUser(name, role, { address: 'cli' }));
        ctx.io.out(`created ${person.name} (${person.role}); their API token, shown this once:\n${token}`);
        ctx.io.err('Keep it secret: sign in at /signin with it, or pass it with --token. Only its hash is stored.');
      } finally {
        await store.close();
      }
    });
  storeOptions(admin.command('token')
    .description('issue another API token for a person (shown once)')
    .argument('<name>', 'user name'))
    .action(async (name: string, opts: StoreFlags) => {
      const { store } = await openCliStore(ctx, opts, await ctx.registry());
      try {
        const { personByName } = await import('../../store/people.js');
        const person = await personByName(store.db, name);
        if (!person) throw new (await import('../output.js')).InputError(`there is no person named "${name}"`);
        ctx.io.out(await store.newToken(person, { address: 'cli' }));
      } finally {
        await store.close();
      }
    });
  return admin;
}
