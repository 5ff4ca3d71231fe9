import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * GraphiQL 4's UMD build and React 18's UMD builds, served from node_modules: the explorer works
 * with no internet at all (no CDN, no web fonts). React 19 dropped UMD builds, hence React 18.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: path.join(packageDir('graphiql'), 'dist/index.umd.js'), type: 'text/javascript' },
  'graphiql.css': { file: path.join(packageDir('graphiql'), 'dist/style.css'), type: 'text/css' },
};

export const GRAPHIQL_ASSET_PREFIX = '/graphiql/assets/';

const EXAMPLE_OPERATIONS = [
  {
    query: `# Who am I? Every request is made as the partner that owns the API key.\n{\n  viewer {\n    id\n    name\n    mode\n    productionEnabled\n  }\n}\n`,
  },
  {
    query: `# Gateway, database and upstream status (also at GET /api/v1/health without a key).\n{\n  health {\n    status\n    version\n    database\n    upstreams { plaid atomic }\n    mode\n  }\n}\n`,
  },
];

export interface GraphiqlOptions {
  endpoint: string;
  /** Prefilled into the header editor; only ever the sandbox demo test key. */
  defaultApiKey: string | undefined;
}

/** True for a browser navigating to /graphql (not an API client sending a GET query). */
export function wantsGraphiql(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  const query = request.query as Record<string, unknown> | undefined;
  return accept.includes('text/html') && !query?.query;
}

export function registerGraphiqlAssets(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  app.get<{ Params: { name: string } }>(`${GRAPHIQL_ASSET_PREFIX}:name`, async (request, reply) => {
    const asset = ASSETS[request.params.name];
    if (!asset) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such asset.', request_id: request.id } });
    let body = cache.get(request.params.name);
    if (!body) {
      body = readFileSync(asset.file);
      cache.set(request.params.name, body);
    }
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(body);
  });
}

export function sendGraphiqlPage(reply: FastifyReply, options: GraphiqlOptions): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  const settings = {
    endpoint: options.endpoint,
    headers: options.defaultApiKey
      ? JSON.stringify({ Authorization: `Bearer ${options.defaultApiKey}` }, null, 2)
      : JSON.stringify({ Authorization: 'Bearer afg_test_…' }, null, 2),
    tabs: EXAMPLE_OPERATIONS,
  };
  // JSON inside <script type="application/json">: escape "<" so no value can close the tag.
  const settingsJson = JSON.stringify(settings).replace(/</g, '\\u003c');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AtlasForge Gateway · GraphiQL</title>
<link rel="stylesheet" href="${GRAPHIQL_ASSET_PREFIX}graphiql.css">
<style nonce="${nonce}">html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="graphiql-settings" type="application/json">${settingsJson}</script>
<script src="${GRAPHIQL_ASSET_PREFIX}react.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}react-dom.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}graphiql.js"></script>
<script nonce="${nonce}">
  const settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
  // GraphiQL 4.1 (@graphiql/react 0.34) sends schema introspection without the header editor's
  // headers, so it would get a 401 and leave the explorer with no schema (no docs, no completion).
  // Introspection without headers uses the last headers a query ran with, else the prefilled ones.
  let lastHeaders = JSON.parse(settings.headers);
  async function fetcher(params, opts) {
    let headers = opts && opts.headers;
    if (headers) lastHeaders = headers;
    else if (params.operationName === 'IntrospectionQuery') headers = lastHeaders;
    const res = await fetch(settings.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(params),
    });
    return res.json();
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultHeaders: settings.headers,
      defaultTabs: settings.tabs.map((t) => ({ ...t, headers: settings.headers })),
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
</script>
</body>
</html>`;
  return reply
    .type('text/html; charset=utf-8')
    .header(
      'content-security-policy',
      // GraphiQL's editors use inline styles and web workers from blob: URLs.
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'`,
    )
    .send(html);
}
