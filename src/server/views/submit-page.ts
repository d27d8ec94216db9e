// The self-assessment wizard, plain forms without script: the record's fields and the twelve components, then the live classification, verdicts, advice and the record as YAML.
import type { Suggestion } from '../../core/advice.js';
import type { Classification } from '../../core/classify.js';
import type { Verdicts } from '../../core/frameworks/index.js';
import type { License } from '../../core/licenses.js';
import { COMPONENTS, STATUSES } from '../../core/taxonomy.js';
import type { Problem } from '../../registry/problem.js';
import type { RecordDiff } from '../../store/diff.js';
import { type Html, html } from '../html.js';
import type { Links } from '../links.js';
import { type Form, fieldName, problemField } from '../submit-form.js';
import { page } from './layout.js';
import { chipFor } from './parts.js';
import { diffTables, whoLine } from './review-pages.js';
import type { Person } from '../../store/people.js';
import { adviceSection, verdictsPanel } from './verdicts.js';

export interface SubmitPageOptions {
  form: Form;
  csrf: string;
  person?: Person;
  licenses: readonly License[];
  problems?: readonly Problem[];
  errors?: readonly string[];
  preview?: { classification: Classification; verdicts: Verdicts; advice: readonly Suggestion[]; yaml: string; asOf: string; diff: RecordDiff };
}

const STATUS_HELP: Record<string, string> = { closed: 'not released', api: 'through an API only (data)', public: 'released (give the license)', 'n/a': 'this stage does not exist', unknown: 'exists, openness not known' };

function fieldErrors(problems: readonly Problem[], name: string): Html {
  const mine = problems.filter((p) => problemField(p) === name);
  return mine.length ? html`<span class="field-error" id="${name}-error">${mine.map((p) => p.message).join('; ')}</span>` : html``;
}

function input(o: SubmitPageOptions, name: string, label: string, attrs: Html = html``): Html {
  const bad = (o.problems ?? []).some((p) => problemField(p) === name);
  return html`<label>${label} <input name="${name}" value="${o.form[name] ?? ''}"${bad ? html` aria-invalid="true" aria-describedby="${name}-error"` : ''}${attrs}></label> ${fieldErrors(o.problems ?? [], name)}`;
}

export function submitPage(links: Links, o: SubmitPageOptions): Html {
  const problems = o.problems ?? [];
  const main = html`<h1>Add or correct a model</h1>
${whoLine(links, o.person, o.csrf)}
<p>Answer for each of the twelve components: is it released, where, under which license. <strong>Check</strong> shows the levels, every framework verdict and the advice at once; <strong>Download YAML</strong> gives the record as a registry file; <strong>Submit</strong> sends it to the reviewers${o.person ? '' : ' (without an account it queues as unverified)'}. Submissions are checked exactly as <code>howopen validate</code> checks a file.</p>
${o.errors?.length || problems.length ? html`<div class="error" role="alert"><p>${problems.length} problem${problems.length === 1 ? '' : 's'} to fix:</p><ul>${(o.errors ?? []).map((e) => html`<li>${e}</li>`)}${problems.map((p) => html`<li>${p.field ? html`<code>${p.field}</code>: ` : ''}${p.message}</li>`)}</ul></div>` : ''}
<form method="post" action="${links.page('/submit/check')}" class="wizard"><input type="hidden" name="csrf" value="${o.csrf}">
<fieldset><legend>The model</legend>
<p>${input(o, 'id', 'Id (lower case, e.g. my-model-7b)', html` required pattern="[a-z0-9][a-z0-9.\\-]*" maxlength="100"`)}</p>
<p>${input(o, 'name', 'Name', html` required maxlength="200"`)}</p>
<p>${input(o, 'organization', 'Organization', html` required maxlength="200"`)}</p>
<p>${input(o, 'released', 'Released (YYYY-MM)', html` required pattern="\\d{4}-\\d{2}" placeholder="2026-01"`)}</p>
</fieldset>
<datalist id="license-ids">${o.licenses.map((l) => html`<option value="${l.id}">${l.name}</option>`)}</datalist>
${COMPONENTS.map((c) => html`<fieldset class="component"><legend>${c.name} <code>${c.key}</code></legend><p class="hint">${c.description}</p>
<p><label>Status <select name="${fieldName(c.key, 'status')}">${html`<option value="">— choose —</option>`}${STATUSES.filter((s) => c.kind === 'data' || s !== 'api').map((s) => html`<option value="${s}"${o.form[fieldName(c.key, 'status')] === s ? html` selected` : ''}>${s}: ${STATUS_HELP[s]}</option>`)}</select></label> ${fieldErrors(problems, fieldName(c.key, 'status'))}</p>
<p>${input(o, fieldName(c.key, 'license'), 'License', html` list="license-ids" maxlength="200"`)}</p>
<p>${input(o, fieldName(c.key, 'evidence'), 'Where (URLs, space-separated)', html` maxlength="2000" size="50"`)}</p>
</fieldset>\n`)}
<p><label>Comment for the reviewers<br><textarea name="comment" rows="3" cols="60" maxlength="4000">${o.form.comment ?? ''}</textarea></label></p>
<p><button type="submit">Check</button> <button type="submit" formaction="${links.page('/submit/record.yaml')}">Download YAML</button> <button type="submit" formaction="${links.page('/submit')}">Submit</button></p>
</form>
${o.preview ? preview(links, o.preview) : ''}
<h2>Or paste a record</h2>
<form method="post" action="${links.page('/submit')}"><input type="hidden" name="csrf" value="${o.csrf}">
<p><label>Record (YAML, as in <code>registry/models/</code>)<br><textarea name="record" rows="12" cols="80">${o.form.record ?? ''}</textarea></label></p>
<p><label>Comment <input name="comment" maxlength="4000" size="60"></label> <button type="submit">Submit</button></p></form>`;
  return page(links, { title: 'Submit a model', path: '/submit', main, scripts: ['submit.js'] });
}

function preview(links: Links, p: NonNullable<SubmitPageOptions['preview']>): Html {
  return html`<section class="preview" aria-labelledby="preview-title"><h2 id="preview-title">The levels</h2>
<table class="plain"><thead><tr><th scope="col">Component</th><th scope="col">Level</th><th scope="col">Why</th></tr></thead>
<tbody>${COMPONENTS.map((c) => { const r = p.classification.components[c.key]!; return html`<tr><th scope="row">${c.name}</th><td>${chipFor(r.level)}</td><td>${r.explanation}</td></tr>\n`; })}</tbody></table>
<h2>Against the current record</h2>
${diffTables(p.diff)}
${verdictsPanel(links, p.verdicts, p.asOf, 'today', '/submit')}
${adviceSection(p.advice)}
<h2>The record as YAML</h2>
<pre class="record">${p.yaml}</pre></section>`;
}
