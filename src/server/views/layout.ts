// The page frame: head with the stylesheet and script as files (no inline code), navigation, data twins, footer.
import { type Html, html, join } from '../html.js';
import type { Links, Query } from '../links.js';

export interface PageOptions {
  title: string;
  /** The route of this page, for the navigation's current marker and the twins. */
  path: string;
  /** The query the twins carry (server only; the static twins hold the whole data). */
  query?: Query;
  /** Which data twins the page has. */
  twins?: readonly ('json' | 'csv')[];
  description?: string;
  /** Scripts from web/ this page adds to app.js (files, never inline). */
  scripts?: readonly string[];
  main: Html;
}

const NAV: readonly { path: string; label: string }[] = [
  { path: '/', label: 'Index' },
  { path: '/compare', label: 'Compare' },
  { path: '/licenses', label: 'Licenses' },
  { path: '/stats', label: 'Stats' },
  { path: '/method', label: 'Method' },
];

/** The living index's pages, only where a server runs the store (not with --read-only, not in the static export). */
const STORE_NAV: readonly { path: string; label: string }[] = [
  { path: '/submit', label: 'Submit' },
  { path: '/review', label: 'Review' },
];

export function page(links: Links, options: PageOptions): Html {
  const twins = options.twins ?? [];
  const section = `/${options.path.split('/')[1] ?? ''}`;
  const twinQuery = links.mode === 'server' ? options.query : undefined;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · howopen</title>
<meta name="description" content="${options.description ?? 'How open is this AI model? The openness taxonomy of Eiras et al. (2024) applied to real models, with reasons.'}">
<link rel="stylesheet" href="${links.asset('style.css')}">
<link rel="icon" href="${links.asset('favicon.svg')}" type="image/svg+xml">
${twins.map((ext) => html`<link rel="alternate" type="${ext === 'json' ? 'application/json' : 'text/csv'}" href="${links.twin(options.path, ext, twinQuery)}">\n`)}<script defer src="${links.asset('app.js')}"></script>
${(options.scripts ?? []).map((name) => html`<script defer src="${links.asset(name)}"></script>\n`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><nav aria-label="Site"><a class="brand" href="${links.page('/')}">howopen</a>${[...NAV, ...(links.store ? STORE_NAV : [])].map((n) => html` <a href="${links.page(n.path)}"${(n.path === '/' ? options.path === '/' : section === n.path) ? html` aria-current="page"` : ''}>${n.label}</a>`)}${links.mode === 'server' ? html` <a href="/api/v1/openapi.json">API</a>` : ''}</nav></header>
<main id="main">
${options.main}
</main>
<footer class="site">${twins.length ? html`<p>This page as data: ${join(twins.map((ext) => html`<a class="twin${options.path === '/' && links.mode === 'server' ? ' keepstate' : ''}" data-ext="${ext}" href="${links.twin(options.path, ext, twinQuery)}">${ext.toUpperCase()}</a>`), ' · ')}.</p>` : ''}<p>howopen applies the openness taxonomy of Eiras et al., <cite>Risks and Opportunities of Open-Source Generative AI</cite> (2024). Levels come with their reasons; the registry's records cite their evidence.</p></footer>
</body>
</html>
`;
}
