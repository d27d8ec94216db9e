// Badges: a shields-style SVG with the levels of the weights, training data and training code, and a shields.io endpoint JSON.
import type { Classification } from '../core/classify.js';
import { NOT_SCORED, scaleLevel } from '../core/taxonomy.js';
import { readableText } from './contrast.js';
import { html } from './html.js';

export const BADGE_COMPONENTS = [
  { key: 'deployment.data.weights', label: 'weights' },
  { key: 'training.data.pretraining', label: 'training data' },
  { key: 'training.code.pretraining', label: 'training code' },
] as const;

function levelColor(level: string, score: number | null): string {
  if (score !== null) return scaleLevel(score).color;
  return level === 'N/A' ? NOT_SCORED['N/A'].color : NOT_SCORED.Unknown.color;
}

/** Approximate advance widths of Verdana 11px, the shields font; enough to size the segments. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[il.,:;'|!]/.test(ch)) w += 3.2;
    else if (ch === ' ') w += 3.9;
    else if (/[mwMW]/.test(ch)) w += 10.5;
    else if (/[A-Z]/.test(ch)) w += 7.6;
    else if (/[0-9]/.test(ch)) w += 7;
    else w += 6.6;
  }
  return Math.ceil(w);
}

interface Segment { text: string; background: string }

function segments(result: Classification): Segment[] {
  return [
    { text: 'howopen', background: '#555555' },
    ...BADGE_COMPONENTS.map(({ key, label }) => {
      const c = result.components[key]!;
      return { text: `${label} ${c.level}`, background: levelColor(c.level, c.score) };
    }),
  ];
}

/** The badge's levels in words: "weights D3, training data Unknown, …"; shields.io's message separates them with " | ". */
function badgeText(result: Classification, separator = ', '): string {
  return BADGE_COMPONENTS.map(({ key, label }) => `${label} ${result.components[key]!.level}`).join(separator);
}

/** A white line between segments, so that two of one color (weights D1, training data D1) stay two. */
const SEPARATOR = 1.5;

export function badgeSvg(result: Classification): string {
  let x = 0;
  const parts = segments(result).map((s) => {
    const width = textWidth(s.text) + 12;
    const part = { ...s, x, width };
    x += width;
    return part;
  });
  const label = `howopen: ${result.name}: ${badgeText(result)}`;
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${x}" height="20" role="img" aria-label="${label}"><title>${label}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${x}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)">${parts.map((p) => html`<rect x="${p.x}" width="${p.width}" height="20" fill="${p.background}"/>`)}<rect width="${x}" height="20" fill="url(#s)"/>${parts.slice(1).map((p) => html`<rect class="sep" x="${p.x - SEPARATOR / 2}" width="${SEPARATOR}" height="20" fill="#ffffff"/>`)}</g>
<g text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">${parts.map((p) => html`<text x="${p.x + p.width / 2}" y="14" fill="${readableText(p.background)}">${p.text}</text>`)}</g>
</svg>
`.value;
}

/** The shields.io endpoint schema: https://shields.io/badges/endpoint-badge */
export function shieldsJson(result: Classification) {
  const weights = result.components['deployment.data.weights']!;
  return {
    schemaVersion: 1,
    label: 'howopen',
    message: badgeText(result, ' | '),
    color: levelColor(weights.level, weights.score).slice(1),
    labelColor: '555555',
    cacheSeconds: 3600,
  };
}
