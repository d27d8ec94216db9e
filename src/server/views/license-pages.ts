// The license knowledge base: the list, and one license's five rights with citations, obligations and the models using it.
import { licenseScores } from '../../core/license-use.js';
import { type Grant, type License, OBLIGATIONS, READINGS, RIGHTS } from '../../core/licenses.js';
import type { SiteData } from '../data.js';
import { type Html, externalLink, html } from '../html.js';
import type { Links } from '../links.js';
import { page } from './layout.js';
import { chipFor } from './parts.js';

const GRANT_MARK: Record<Grant, string> = { yes: '✓ yes', conditional: '~ conditional', no: '✗ no' };

function grant(g: Grant): Html {
  return html`<span class="grant g-${g}">${GRANT_MARK[g]}</span>`;
}

export function licensesPage(links: Links, data: SiteData): Html {
  const licenses = [...data.registry.licenses].sort((a, b) => a.name.localeCompare(b.name));
  const main = html`<h1>Licenses</h1>
<p class="lede">Each license read as the five rights of Eiras et al.: one point per right granted. Conditional rights count 0 under the strict reading and 1 under the lenient one. ${licenses.length} licenses.</p>
<div class="scroll"><table class="plain licenses">
<caption>The license knowledge base: grants, points and the level a public component under each license gets.</caption>
<thead><tr><th scope="col">License</th><th scope="col">Version</th><th scope="col">Kind</th>${RIGHTS.map((r) => html`<th scope="col">${r.name}</th>`)}<th scope="col">Points strict / lenient</th><th scope="col">Levels (strict)</th><th scope="col">Models</th></tr></thead>
<tbody>
${licenses.map((l) => {
    const s = licenseScores(l);
    return html`<tr><th scope="row"><a href="${links.page(`/licenses/${l.id}`)}">${l.name}</a><small>${l.id}</small></th><td>${l.version}</td><td>${l.kind}</td>${RIGHTS.map((r) => html`<td>${grant(l.rights[r.key].grant)}</td>`)}<td>${s.strict.points} / ${s.lenient.points}</td><td>${chipFor(s.strict.code)} ${chipFor(s.strict.data)}</td><td>${data.licenseModels(l.id).length}</td></tr>\n`;
  })}</tbody></table></div>`;
  return page(links, { title: 'Licenses', path: '/licenses', twins: ['json', 'csv'], main });
}

export function licensePage(links: Links, data: SiteData, license: License): Html {
  const scores = licenseScores(license);
  const models = data.licenseModels(license.id).map((id) => data.registry.model(id)!).filter(Boolean);
  const verified = { text: 'the license text', quotes: 'secondary quotes only', unread: 'not yet checked' }[license.verified];
  const main = html`<p class="crumbs"><a href="${links.page('/licenses')}">Licenses</a> › ${license.id}</p>
<h1>${license.name}</h1>
<dl class="facts">
<dt>Id</dt><dd><code>${license.id}</code></dd>
<dt>Version</dt><dd>${license.version}</dd>
<dt>Kind</dt><dd>${license.kind}</dd>
<dt>SPDX</dt><dd>${license.spdx ?? 'not on the SPDX list'}</dd>
<dt>OSI approved</dt><dd>${license.osi_approved ? 'yes' : 'no'}</dd>
<dt>Clauses checked against</dt><dd>${verified}</dd>
<dt>Text</dt><dd>${externalLink(license.url)}</dd>
${license.aliases.length ? html`<dt>Also written as</dt><dd>${license.aliases.join(', ')}</dd>` : ''}
</dl>
<section aria-labelledby="rights-title"><h2 id="rights-title">The five rights</h2>
<div class="scroll"><table class="plain"><thead><tr><th scope="col">Right</th><th scope="col">Grant</th><th scope="col">Clause</th></tr></thead><tbody>
${RIGHTS.map((r) => html`<tr><th scope="row">${r.name}<small>${r.question}</small></th><td>${grant(license.rights[r.key].grant)}</td><td>${license.rights[r.key].clause}</td></tr>\n`)}</tbody></table></div>
<div class="scroll"><table class="plain"><caption>Points and levels</caption><thead><tr><th scope="col">Reading</th><th scope="col">Points</th><th scope="col">Restrictiveness</th><th scope="col">Code level</th><th scope="col">Data level</th></tr></thead><tbody>
${READINGS.map((r) => html`<tr><th scope="row">${r}</th><td>${scores[r].points}</td><td>${scores[r].restrictiveness}</td><td>${chipFor(scores[r].code)}</td><td>${chipFor(scores[r].data)}</td></tr>`)}</tbody></table></div>
</section>
<section aria-labelledby="obligations-title"><h2 id="obligations-title">Obligations</h2><dl class="facts">
${OBLIGATIONS.map((o) => { const v = license.obligations[o.key]; return html`<dt>${o.name}</dt><dd>${v === false ? 'none' : v}</dd>`; })}
</dl></section>
${license.notes ? html`<p class="notes">${license.notes}</p>` : ''}
<section aria-labelledby="models-title"><h2 id="models-title">Models using it</h2>
${models.length ? html`<ul class="columns">${models.map((m) => html`<li><a href="${links.page(`/models/${m.id}`)}">${m.name}</a></li>`)}</ul>` : html`<p>No model in the registry uses this license.</p>`}
</section>`;
  return page(links, { title: license.name, path: `/licenses/${license.id}`, twins: ['json', 'csv'], main });
}
