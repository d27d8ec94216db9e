// Where a route lives: absolute paths on the server, relative file names in the static export.
import { posix } from 'node:path';

export type Query = Record<string, string | readonly string[] | undefined>;

export interface Links {
  readonly mode: 'server' | 'static';
  /** The server runs the store: its pages (submit, review) are in the navigation. */
  readonly store?: boolean;
  /** A page: `page('/models/llama-2')`, `page('/', { sort: '-released' })`. */
  page(path: string, query?: Query): string;
  /** A page's data twin: `twin('/models/llama-2', 'json')` → /models/llama-2.json. */
  twin(path: string, ext: 'json' | 'csv', query?: Query): string;
  /** A file route such as a badge: `file('/badges/llama-2.svg')`. */
  file(path: string): string;
  /** A file from web/, with its content hash for cache busting. */
  asset(name: string): string;
  /** The absolute URL of a path for snippets others paste elsewhere; null when the site's address is unknown. */
  absolute(path: string): string | null;
}

function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) if (v !== '') params.append(key, v);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The twin's path: '/' → '/index.json', '/licenses' → '/licenses.json'. */
function twinPath(path: string, ext: string): string {
  return `${path === '/' ? '/index' : path}.${ext}`;
}

/** `onAbsolute` is told whenever an absolute URL is made, so that the server can mark answers that embed its origin. */
export function serverLinks(assetVersions: ReadonlyMap<string, string>, baseUrl: string | null, onAbsolute?: () => void, store = false): Links {
  return {
    mode: 'server',
    store,
    page: (path, query) => path + queryString(query),
    twin: (path, ext, query) => twinPath(path, ext) + queryString(query),
    file: (path) => path,
    asset: (name) => `/assets/${name}${assetVersions.has(name) ? `?v=${assetVersions.get(name)}` : ''}`,
    absolute(path) {
      if (!baseUrl) return null;
      onAbsolute?.();
      return baseUrl.replace(/\/$/, '') + path;
    },
  };
}

/** The index's variants are files of their own in the static export; other parameters stay in the query for the client script. */
function indexVariant(query: Query = {}): string {
  if (query.source === 'published') return 'index-published';
  if (query.reading === 'lenient') return 'index-lenient';
  return 'index';
}

export const INDEX_VARIANTS = [
  { file: 'index', query: {} },
  { file: 'index-lenient', query: { reading: 'lenient' } },
  { file: 'index-published', query: { source: 'published' } },
] as const;

/** The file (relative to the site root) that holds a page in the static export. */
function staticPageFile(path: string, query: Query = {}): { file: string; rest: Query } {
  if (path === '/') {
    const rest = Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'source' && k !== 'reading'));
    return { file: `${indexVariant(query)}.html`, rest };
  }
  return { file: `${path.slice(1)}.html`, rest: query };
}

function staticTwinFile(path: string, ext: string, query: Query = {}): string {
  return path === '/' ? `${indexVariant(query)}.${ext}` : twinPath(path, ext).slice(1);
}

/** Links for the static page stored at `from` (e.g. 'models/llama-2.html'). */
export function staticLinks(from: string, assetVersions: ReadonlyMap<string, string>, baseUrl: string | null): Links {
  const dir = posix.dirname(from);
  const rel = (file: string) => posix.relative(dir, file) || posix.basename(file);
  return {
    mode: 'static',
    page(path, query) {
      const { file, rest } = staticPageFile(path, query);
      return rel(file) + queryString(rest);
    },
    twin: (path, ext, query) => rel(staticTwinFile(path, ext, query)),
    file: (path) => rel(path.slice(1)),
    asset: (name) => `${rel(`assets/${name}`)}${assetVersions.has(name) ? `?v=${assetVersions.get(name)}` : ''}`,
    absolute(path) {
      if (!baseUrl) return null;
      const file = path.endsWith('.svg') || path.endsWith('.json') ? path.slice(1) : staticPageFile(path).file;
      return `${baseUrl.replace(/\/$/, '')}/${file}`;
    },
  };
}
