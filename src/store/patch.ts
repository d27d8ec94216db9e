// Approved changes as one patch that `git apply` takes in a checkout of the registry: per file, from its text before the first change to after the last. Pure.
import { structuredPatch } from 'diff';
import type { Change } from './history.js';

/** `prefix` is the registry folder's path inside the checkout ("registry/" in howopen's own repository, "" at its root). */
export function changesPatch(changes: readonly Change[], prefix = 'registry/'): string {
  const files = new Map<string, { before: string | null; after: string }>();
  for (const c of changes) {
    const seen = files.get(c.modelId);
    files.set(c.modelId, { before: seen ? seen.before : c.beforeText, after: c.afterText });
  }
  const out: string[] = [];
  for (const [id, { before, after }] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (before === after) continue;
    const path = `${prefix}models/${id}.yaml`;
    const patch = structuredPatch(`a/${path}`, `b/${path}`, before ?? '', after, '', '', { context: 3 });
    out.push(`diff --git a/${path} b/${path}`);
    if (before === null) out.push('new file mode 100644', '--- /dev/null');
    else out.push(`--- a/${path}`);
    out.push(`+++ b/${path}`);
    for (const h of patch.hunks) {
      // An empty side starts at line 0, as git writes it.
      const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
      const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
      out.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`, ...h.lines);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
