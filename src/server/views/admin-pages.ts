// The admin's pages: the people with their roles, and forms to create a person or issue a token, each token shown once.
import type { Person } from '../../store/people.js';
import { ROLES } from '../../store/people.js';
import { type Html, html } from '../html.js';
import type { Links } from '../links.js';
import { page } from './layout.js';
import { whoLine } from './review-pages.js';

export function adminPage(links: Links, o: { person: Person; csrf: string; people: readonly Person[]; issued?: { name: string; token: string }; message?: string }): Html {
  return page(links, { title: 'Admin', path: '/admin', main: html`<h1>People and tokens</h1>
${whoLine(links, o.person, o.csrf)}
${o.message ? html`<p class="notice" role="status">${o.message}</p>` : ''}
${o.issued ? html`<div class="notice" role="status"><p>The token of <strong>${o.issued.name}</strong>, shown this once (only its hash is kept):</p><p><code class="token">${o.issued.token}</code></p></div>` : ''}
<h2>Create a person</h2>
<form method="post" action="${links.page('/admin/users')}"><input type="hidden" name="csrf" value="${o.csrf}">
<p><label>Name <input name="name" required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}" maxlength="64"></label>
<label>Role <select name="role">${ROLES.map((r) => html`<option value="${r}">${r}</option>`)}</select></label>
<button type="submit">Create, with a token</button></p></form>
<h2>People</h2>
<table class="plain people"><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Token</th></tr></thead><tbody>
${o.people.map((p) => html`<tr><th scope="row">${p.name}</th><td>${p.role}</td><td><form method="post" action="${links.page('/admin/tokens')}"><input type="hidden" name="csrf" value="${o.csrf}"><input type="hidden" name="name" value="${p.name}"><button type="submit">Issue a new token</button></form></td></tr>\n`)}
</tbody></table>` });
}
