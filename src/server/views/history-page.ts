// A model's history: every approved change with its date, author, reason and the cells it moved; its disputes, and the form to open one.
import { COMPONENTS } from '../../core/taxonomy.js';
import type { Dispute } from '../../store/disputes.js';
import type { CellChange } from '../../store/diff.js';
import type { GitRevision } from '../../store/git-history.js';
import type { Change } from '../../store/history.js';
import { type Html, externalLink, html } from '../html.js';
import type { Links } from '../links.js';
import { page } from './layout.js';
import { chipFor } from './parts.js';

export interface ChangeView { change: Change; cells: CellChange[] }
export interface GitView { revision: GitRevision; added: boolean; cells: CellChange[] }

export function historyPage(links: Links, o: { id: string; name: string; changes: readonly ChangeView[]; disputes: readonly Dispute[]; csrf: string; message?: string; reviewer?: boolean; entries?: Readonly<Record<string, string>>; git?: readonly GitView[]; asOf?: { date: string; source: string | null; cells: readonly CellChange[] } }): Html {
  const open = o.disputes.filter((d) => d.status === 'open');
  return page(links, { title: `${o.name}: history`, path: `/models/${o.id}/history`, main: html`<h1>${o.name}: history</h1>
<p><a href="${links.page(`/models/${o.id}`)}">Back to ${o.name}</a>. Changes approved through this site, then the commits of the record's file in the registry's git history, newest first.</p>
<form method="get" action="${links.page(`/models/${o.id}/history`)}"><label>The record as it stood on <input type="date" name="as-of" value="${o.asOf?.date ?? ''}"></label> <button type="submit">Show</button></form>
${o.asOf ? asOfSection(o.asOf) : ''}
${o.message ? html`<p class="notice" role="status">${o.message}</p>` : ''}
${o.changes.length ? html`<ol class="history" reversed>${[...o.changes].reverse().map((v) => html`<li id="change-${v.change.id}"><p><time datetime="${v.change.createdAt}">${v.change.createdAt.slice(0, 10)}</time> · ${v.change.author ?? 'a reviewer'}${v.change.reason ? html` · “${v.change.reason}”` : ''}${v.change.beforeText === null ? ' · model added' : ''}</p>
${v.cells.length ? html`<ul>${v.cells.map((c) => html`<li><code>${c.component}</code>: ${c.levelBefore ? chipFor(c.levelBefore) : 'new'} → ${chipFor(c.levelAfter)}</li>`)}</ul>` : html`<p>No component changed.</p>`}</li>\n`)}</ol>` : html`<p>No approved changes yet.</p>`}
<h2 id="git">In the registry's git history</h2>
${o.git?.length ? html`<ol class="history" reversed>${[...o.git].reverse().map((v) => html`<li id="commit-${v.revision.commit.slice(0, 12)}"><p><time datetime="${v.revision.date}">${v.revision.date.slice(0, 10)}</time> · ${v.revision.author} · “${v.revision.subject}” · <code>${v.revision.commit.slice(0, 12)}</code>${v.added ? ' · file added' : ''}${v.revision.text === null ? ' · file removed' : ''}</p>
${v.cells.length ? html`<ul>${v.cells.map((c) => html`<li><code>${c.component}</code>: ${c.levelBefore ? chipFor(c.levelBefore) : 'new'} → ${chipFor(c.levelAfter)}</li>`)}</ul>` : html`<p>No component changed.</p>`}</li>\n`)}</ol>` : html`<p>None: the registry is not a git checkout, or the file has no commits.</p>`}
<h2 id="disputes">Disputes${open.length ? html` <span class="count">${open.length} open</span>` : ''}</h2>
${o.disputes.length ? html`<ul class="disputes">${o.disputes.map((d) => html`<li id="dispute-${d.id}"><strong>${d.status}</strong> · <code>${d.component}</code>: ${d.message}${d.evidence.length ? html` (${d.evidence.map((u) => externalLink(u))})` : ''}${d.reason ? html`<br>${d.status === 'rejected' ? 'Rejected' : 'Accepted'} by ${d.resolvedBy ?? 'a reviewer'}: ${d.reason}` : ''}${d.submissionId !== null ? html`<br>Its fix is <a href="${links.page(`/submitted/${d.submissionId}`)}">submission ${d.submissionId}</a>.` : ''}${o.reviewer && d.status === 'open' ? resolveForm(links, d, o.csrf, o.entries?.[d.component] ?? '') : ''}</li>\n`)}</ul>` : html`<p>None.</p>`}
${cellsTable(o.changes, o.disputes, o.git ?? [])}
<h3>Dispute a cell</h3>
<form method="post" action="${links.page(`/models/${o.id}/disputes`)}"><input type="hidden" name="csrf" value="${o.csrf}">
<p><label>Cell <select name="component" required>${COMPONENTS.map((c) => html`<option value="${c.key}">${c.name} (${c.key})</option>`)}</select></label></p>
<p><label>What is wrong<br><textarea name="message" rows="3" cols="60" required maxlength="4000"></textarea></label></p>
<p><label>Evidence URL <input type="url" name="evidence" size="60"></label></p>
<p><button type="submit">Send the dispute</button></p></form>` });
}

function resolveForm(links: Links, d: Dispute, csrf: string, entry: string): Html {
  return html`<form method="post" action="${links.page(`/disputes/${d.id}`)}"><input type="hidden" name="csrf" value="${csrf}"><label>Reason (shown publicly) <input name="reason" required maxlength="4000" size="40"></label>
<p><label>The cell fixed (its entry as YAML; needed to accept)<br><textarea name="fix" rows="5" cols="60" maxlength="20000">${entry}</textarea></label><br>
<label><input type="checkbox" name="apply" value="yes"> approve the fix now (otherwise it queues for review)</label></p>
<button type="submit" name="action" value="accept">Accept</button> <button type="submit" name="action" value="reject">Reject</button></form>`;
}

/** Each cell on its row: the changes that moved it and its disputes, a rejected one with its public reason. */
function cellsTable(changes: readonly ChangeView[], disputes: readonly Dispute[], git: readonly GitView[]): Html {
  const rows = COMPONENTS.map((c) => {
    const moved = [
      ...git.filter((v) => !v.added).map((v) => ({ at: v.revision.date, href: `#commit-${v.revision.commit.slice(0, 12)}`, cells: v.cells })),
      ...changes.map((v) => ({ at: v.change.createdAt, href: `#change-${v.change.id}`, cells: v.cells })),
    ].filter((v) => v.cells.some((x) => x.component === c.key));
    const mine = disputes.filter((d) => d.component === c.key);
    const open = mine.filter((d) => d.status === 'open').length;
    return { c, moved, mine, open };
  }).filter((r) => r.moved.length || r.mine.length);
  if (!rows.length) return html``;
  return html`<h2 id="cells">By cell</h2>
<table class="cells"><thead><tr><th scope="col">Cell</th><th scope="col">Changes</th><th scope="col">Disputes</th></tr></thead><tbody>
${rows.map((r) => html`<tr id="cell-${r.c.key}"><th scope="row">${r.c.name}${r.open ? html` <span class="disputed" title="open disputes">⚑ ${r.open}</span>` : ''}</th>
<td>${r.moved.map((v) => { const x = v.cells.find((y) => y.component === r.c.key)!; return html`<a href="${v.href}">${v.at.slice(0, 10)}</a> ${x.levelBefore ? chipFor(x.levelBefore) : 'new'} → ${chipFor(x.levelAfter)} `; })}</td>
<td>${r.mine.map((d) => html`<a href="#dispute-${d.id}">${d.status}</a>${d.status === 'rejected' && d.reason ? html`: ${d.reason}` : ''} `)}</td></tr>\n`)}
</tbody></table>`;
}

/** The record as it stood on a date: each cell's level then, and where that text came from. */
function asOfSection(a: { date: string; source: string | null; cells: readonly CellChange[] }): Html {
  if (!a.source) return html`<section id="as-of"><h2>As of ${a.date}</h2><p>Neither an approval nor a commit of this record is dated on or before ${a.date}.</p></section>`;
  return html`<section id="as-of"><h2>As of ${a.date}</h2><p>From ${a.source}.</p>
<table class="cells"><thead><tr><th scope="col">Cell</th><th scope="col">Level</th><th scope="col">Status</th><th scope="col">License</th></tr></thead><tbody>
${a.cells.map((c) => html`<tr><th scope="row"><code>${c.component}</code></th><td>${chipFor(c.levelAfter)}</td><td>${c.after?.status ?? ''}</td><td>${c.after?.license ?? ''}</td></tr>\n`)}
</tbody></table></section>`;
}
