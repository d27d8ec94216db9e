// howopen serve: the web index and JSON API on the registry, until stopped.
import type { Command } from 'commander';
import type { Registry } from '../../core/registry.js';
import { loadRegistryCached } from '../../registry/cache.js';
import { type Problem, formatProblem } from '../../registry/problem.js';
import type { Context } from '../context.js';
import { InputError } from '../output.js';

/** How long a stopping server waits for requests in flight. */
const DRAIN_MS = 4000;

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new InputError(`--port must be a number from 0 to 65535 (got "${text}")`);
  return port;
}

/** Loads the registry for a face that can run on a registry with problems: they are reported, not fatal. */
export async function loadForFace(ctx: Context): Promise<{ registry: Registry; problems: Problem[] }> {
  const { registry, problems } = await loadRegistryCached(ctx.registryDir());
  if (problems.length) {
    ctx.io.err(`howopen: warning: the registry has ${problems.length} problem(s); affected levels show as Unknown. Run howopen validate.\n${problems.slice(0, 5).map(formatProblem).join('\n')}${problems.length > 5 ? '\n…' : ''}`);
  }
  return { registry, problems };
}

export function serveCommand(program: Command, ctx: Context): Command {
  return program.command('serve')
    .description('serve the web index, data twins, badges and the JSON API')
    .option('--port <port>', 'port to listen on (default: $PORT or 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1; 0.0.0.0 for every interface)')
    .option('--base-url <url>', 'public address of the site, for badge snippets (default: the request\'s origin)')
    .option('--post-limit <n>', 'records one address may POST to /api/v1/classify per minute; 0: no limit', '300')
    .option('--read-only', 'serve the index alone, without the store (no submissions, reviews or history)')
    .option('--data <dir>', 'the store\'s data folder (default: $XDG_DATA_HOME/howopen or ~/.local/share/howopen); DATABASE_URL selects a PostgreSQL server instead')
    .addHelpText('after', '\nExamples:\n  howopen serve\n  howopen serve --port 3000 --registry ./my-registry\n  PORT=80 HOST=0.0.0.0 howopen serve')
    .action(async (opts: { port?: string; host?: string; baseUrl?: string; postLimit: string; readOnly?: boolean; data?: string }) => {
      const port = parsePort(opts.port ?? process.env.PORT ?? '8080');
      if (!/^\d{1,7}$/.test(opts.postLimit)) throw new InputError(`--post-limit must be a whole number of requests per minute (got "${opts.postLimit}")`);
      const postLimit = Number(opts.postLimit);
      const hostname = opts.host ?? process.env.HOST ?? '127.0.0.1';
      const { registry, problems } = await loadForFace(ctx);
      // Loaded on demand, so that the other commands start without the web stack.
      const [{ serve }, { closeApp, createApp, warmApp }] = await Promise.all([import('@hono/node-server'), import('../../server/app.js')]);
      const app = createApp({ registry, problems, baseUrl: opts.baseUrl ?? null, postLimit, storePages: !opts.readOnly });
      // The store opens beside the index (a first embedded start takes seconds): its pages answer 503 until then.
      const living = opts.readOnly ? undefined : (await import('../serve-store.js')).livingServe(ctx, registry, problems, { ...opts, postLimit }, app);
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: living?.fetch ?? app.fetch, port, hostname }, (info) => {
          const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
          warmApp(app);
          ctx.io.out(`howopen: serving ${registry.models.length} models and ${registry.licenses.length} licenses at http://${host}:${info.port}/`);
          living?.ready.then((message) => ctx.io.out(message), (e: unknown) => {
            ctx.io.err(`howopen: cannot open the store: ${e instanceof Error ? e.message : String(e)}`);
            process.exit(e instanceof InputError ? 2 : 70);
          });
          resolve();
        });
        server.on('error', (e: NodeJS.ErrnoException) => reject(new InputError(`cannot listen on ${hostname}:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (try --port)' : e.message}`)));
        // Stopping drains: no new connections, requests in flight are answered, idle keep-alive sockets close,
        // the classify workers finish; whatever is still open after DRAIN_MS is cut, so the process ends within 5 s.
        const stop = () => {
          setTimeout(() => process.exit(0), DRAIN_MS).unref();
          const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
          server.close(() => { void Promise.all([closeApp(app), living?.close()]).finally(() => process.exit(0)); });
          http.closeIdleConnections?.();
          setTimeout(() => http.closeAllConnections?.(), DRAIN_MS - 500).unref();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
