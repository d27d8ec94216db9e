// Talking to a running howopen server's store API (--server URL --token T): one request, its JSON, and errors as messages.
import { InputError } from './output.js';

export interface Remote { server: string; token?: string }

export interface RemoteAnswer { status: number; body: Record<string, unknown> | unknown[] }

export async function callServer(remote: Remote, method: 'GET' | 'POST', path: string, body?: string, type = 'application/json'): Promise<RemoteAnswer> {
  let url: URL;
  try { url = new URL(path, remote.server.endsWith('/') ? remote.server : `${remote.server}/`); } catch { throw new InputError(`--server must be a URL such as http://127.0.0.1:8080 (got "${remote.server}")`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError('--server must be an http(s) URL');
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { ...(remote.token ? { Authorization: `Bearer ${remote.token}` } : {}), ...(body !== undefined ? { 'Content-Type': type } : {}) }, ...(body !== undefined ? { body } : {}) });
  } catch (e) {
    throw new InputError(`cannot reach ${url.origin}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
  }
  const text = await res.text();
  let parsed: RemoteAnswer['body'];
  try { parsed = JSON.parse(text) as RemoteAnswer['body']; } catch { throw new InputError(`${url.origin} did not answer with JSON (HTTP ${res.status}); is it a howopen server with the store (not --read-only)?`); }
  return { status: res.status, body: parsed };
}

/** The answer's body when it succeeded, else an InputError with the server's message. */
export function expectOk(answer: RemoteAnswer): Record<string, unknown> | unknown[] {
  if (answer.status < 300) return answer.body;
  const body = answer.body as { error?: string; errors?: string[] };
  throw new InputError(`the server answered ${answer.status}: ${body.error ?? 'error'}${body.errors?.length ? `\n${body.errors.join('\n')}` : ''}`);
}
