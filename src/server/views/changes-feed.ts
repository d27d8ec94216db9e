// The feed of approved changes as Atom: one entry per change, linking to the model's history.
import { escape } from '../html.js';
import type { Change } from '../../store/history.js';

export function changesFeed(origin: string, changes: readonly Change[]): string {
  const updated = changes.at(-1)?.createdAt ?? new Date(0).toISOString();
  const entries = [...changes].reverse().map((c) => {
    const link = `${origin}/models/${encodeURIComponent(c.modelId)}/history#change-${c.id}`;
    const title = `${c.modelId}: ${c.beforeText === null ? 'added' : 'changed'}`;
    return `  <entry>
    <id>${escape(`${origin}/changes/${c.id}`)}</id>
    <title>${escape(title)}</title>
    <updated>${c.createdAt}</updated>
    <author><name>${escape(c.author ?? 'a reviewer')}</name></author>
    <link rel="alternate" type="text/html" href="${escape(link)}"/>
    <summary>${escape(c.reason ?? title)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(`${origin}/changes.atom`)}</id>
  <title>howopen: approved changes</title>
  <updated>${updated}</updated>
  <link rel="self" href="${escape(`${origin}/changes.atom`)}"/>
${entries.join('\n')}
</feed>
`;
}
