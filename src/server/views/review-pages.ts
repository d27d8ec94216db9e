// The reviewers' pages: the queue, one submission as a cell-by-cell diff with its level and verdict changes, and the forms to decide; sign-in.
import type { ComponentEntry } from '../../core/model.js';
import { component } from '../../core/taxonomy.js';
import type { Dispute } from '../../store/disputes.js';
import type { CellChange, RecordDiff } from '../../store/diff.js';
import type { Person } from '../../store/people.js';
import type { SubmissionView } from '../../store/store.js';
import type { Submission } from '../../store/submissions.js';
import { type Html, externalLink, html } from '../html.js';
import type { Links } from '../links.js';
import { page } from './layout.js';
import { chipFor } from './parts.js';

export const STATUS_WORDS: Record<Submission['status'], string> = { pending: 'pending review', changes_requested: 'changes requested', approved: 'approved', rejected: 'rejected' };

const csrfField = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;

export function whoLine(links: Links, person: Person | undefined, csrf: string): Html {
  return person
    ? html`<form class="who" method="post" action="${links.page('/signout')}">${csrfField(csrf)}Signed in as <strong>${person.name}</strong> (${person.role}). <button type="submit">Sign out</button></form>`
    : html`<p class="who">Not signed in. <a href="${links.page('/signin')}">Sign in</a> with an API token.</p>`;
}

function entryText(e: ComponentEntry | null | undefined): Html {
  if (!e) return html`<span class="none">—</span>`;
  return html`${e.status}${e.license ? html` · <code>${e.license}</code>` : ''}${e.hint ? html` · hint ${e.hint}` : ''}${e.evidence?.length ? html`<br>${e.evidence.map((u) => html`${externalLink(u)} `)}` : ''}${e.notes ? html`<br><small>${e.notes}</small>` : ''}`;
}

function cellRow(c: CellChange): Html {
  const moved = c.levelBefore !== c.levelAfter;
  return html`<tr${moved ? html` class="moved"` : ''}><th scope="row">${component(c.component)?.name ?? c.component} <code>${c.component}</code></th><td>${entryText(c.before)}</td><td>${entryText(c.after)}</td><td>${c.levelBefore ? chipFor(c.levelBefore) : '—'}${moved ? html` → ${chipFor(c.levelAfter)}` : ''}</td></tr>\n`;
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function diffTables(diff: RecordDiff): Html {
  return html`<div class="scroll"><table class="plain diff"><caption>${diff.added ? 'A new model: every cell' : `${diff.cells.length} cell${diff.cells.length === 1 ? '' : 's'} changed`}</caption>
<thead><tr><th scope="col">Component</th><th scope="col">Now</th><th scope="col">Proposed</th><th scope="col">Level</th></tr></thead>
<tbody>${diff.cells.length ? diff.cells.map(cellRow) : html`<tr><td colspan="4">No component changes.</td></tr>`}</tbody></table></div>
${diff.fields.length ? html`<table class="plain"><caption>Other fields</caption><thead><tr><th scope="col">Field</th><th scope="col">Now</th><th scope="col">Proposed</th></tr></thead>
<tbody>${diff.fields.map((f) => html`<tr><th scope="row"><code>${f.field}</code></th><td>${show(f.before)}</td><td>${show(f.after)}</td></tr>\n`)}</tbody></table>` : ''}
<table class="plain"><caption>Verdict changes</caption><thead><tr><th scope="col">Framework</th><th scope="col">Now</th><th scope="col">Proposed</th></tr></thead>
<tbody>${diff.verdicts.length ? diff.verdicts.map((v) => html`<tr><th scope="row">${v.framework}</th><td>${show(v.before)}</td><td><strong>${show(v.after)}</strong></td></tr>\n`) : html`<tr><td colspan="3">No verdict changes.</td></tr>`}</tbody></table>`;
}

export function queuePage(links: Links, person: Person, csrf: string, queue: readonly Submission[], disputes: readonly Dispute[]): Html {
  return page(links, { title: 'Review queue', path: '/review', main: html`<h1>Review queue</h1>
${whoLine(links, person, csrf)}
<table class="plain queue"><caption>${queue.length} submission${queue.length === 1 ? '' : 's'} waiting</caption>
<thead><tr><th scope="col">#</th><th scope="col">Model</th><th scope="col">Sent by</th><th scope="col">Sent</th><th scope="col">State</th></tr></thead>
<tbody>${queue.map((s) => html`<tr><td><a href="${links.page(`/review/${s.id}`)}">${s.id}</a></td><th scope="row"><a href="${links.page(`/review/${s.id}`)}">${s.record.name}</a> <code>${s.modelId}</code></th><td>${s.submittedBy ?? html`<em>unverified</em>`}</td><td><time datetime="${s.createdAt}">${s.createdAt.slice(0, 16).replace('T', ' ')}</time></td><td>${STATUS_WORDS[s.status]}${s.stale ? html` <strong class="stale">stale</strong>` : ''}</td></tr>\n`)}</tbody></table>
<h2>Open disputes</h2>
${disputes.length ? html`<ul class="disputes">${disputes.map((d) => html`<li><a href="${links.page(`/models/${d.modelId}/history`)}#dispute-${d.id}">${d.modelId} · <code>${d.component}</code></a>: ${d.message}</li>\n`)}</ul>` : html`<p>None.</p>`}` });
}

export function submissionPage(links: Links, person: Person, csrf: string, v: SubmissionView, message?: string): Html {
  const s = v.submission;
  const open = s.status === 'pending';
  return page(links, { title: `Submission ${s.id}`, path: `/review/${s.id}`, main: html`<h1>Submission ${s.id}: ${s.record.name} <code>${s.modelId}</code></h1>
${whoLine(links, person, csrf)}
${message ? html`<p class="notice" role="status">${message}</p>` : ''}
<p>${STATUS_WORDS[s.status]} · sent by ${s.submittedBy ?? html`<em>an unverified visitor</em>`} on <time datetime="${s.createdAt}">${s.createdAt.slice(0, 10)}</time>${s.comment ? html` · “${s.comment}”` : ''}</p>
${v.stale && open ? html`<p class="stale" role="alert"><strong>Stale:</strong> ${s.modelId} changed after this was sent. The diff below is against the record as it is now; approving applies the proposed record over it.</p>` : ''}
${diffTables(v.diff)}
${open ? html`<section class="decide" aria-labelledby="decide-title"><h2 id="decide-title">Decide</h2>
<form method="post" action="${links.page(`/review/${s.id}`)}">${csrfField(csrf)}<input type="hidden" name="base" value="${v.currentHash}">
<p><label>Comment (shown to the submitter; required to request changes or reject)<br><textarea name="comment" rows="3" cols="60" maxlength="4000"></textarea></label></p>
<p><button type="submit" name="action" value="approve">Approve</button> <button type="submit" name="action" value="request_changes">Request changes</button> <button type="submit" name="action" value="reject">Reject</button></p>
</form></section>` : ''}
<h2>Reviews</h2>
${v.reviews.length ? html`<ol>${v.reviews.map((r) => html`<li>${r.action.replace('_', ' ')} by ${r.reviewer ?? '—'} on <time datetime="${r.createdAt}">${r.createdAt.slice(0, 10)}</time>${r.comment ? html`: “${r.comment}”` : ''}</li>`)}</ol>` : html`<p>None yet.</p>`}
<h2>The proposed record</h2>
<pre class="record">${s.recordText}</pre>` });
}

export function signinPage(links: Links, csrf: string, error?: string): Html {
  return page(links, { title: 'Sign in', path: '/signin', main: html`<h1>Sign in</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<p>Paste the API token you were given (<code>howopen admin create-user NAME --role R</code> prints one). Reading the index needs no account; anyone may submit, and a submission without an account queues as unverified.</p>
<form method="post" action="${links.page('/signin')}">${csrfField(csrf)}<p><label>Token <input type="password" name="token" autocomplete="off" required size="60"></label> <button type="submit">Sign in</button></p></form>` });
}

export function submittedPage(links: Links, message: string): Html {
  return page(links, { title: 'Submitted', path: '/submitted', main: html`<h1>Thank you</h1><p class="notice" role="status">${message}</p><p>A reviewer checks the evidence; once approved, the record is in <a href="${links.page('/')}">the index</a> with its history.</p>` });
}
