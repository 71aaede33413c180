import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A content hash in a file name, as `expo export` writes them (`index-<32 hex>.js`, `x.<hex>.png`). */
const CONTENT_HASH = /[.-][0-9a-f]{16,}(?:@\d+(?:\.\d+)?x)?\.[a-z0-9]+$/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * A file whose name carries its content's hash never changes under that name: a year, and no
 * revalidation. Anything else (index.html, sw.js, the favicon) is asked again each time, which
 * costs a 304 and lets a new build show at once.
 */
export function cacheControlFor(relativePath: string): string {
  const file = relativePath.replace(/\\/g, '/').replace(/\.(?:br|gz)$/, '');
  const hashedFolder = file.startsWith('_expo/static/') || file.startsWith('assets/');
  return hashedFolder && CONTENT_HASH.test(file) ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the web app's static export at `/`; other GETs that want HTML get its index.html.
 * The export is precompressed at build (apps/mobile/scripts/precompress.mjs): a `.br` or `.gz`
 * twin is sent as it is when the browser accepts it.
 */
export async function registerWebRoot(app: FastifyInstance, webRoot: string): Promise<void> {
  const root = path.resolve(webRoot);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`webRoot ${root} has no index.html`);
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      reply.header('cache-control', cacheControlFor(path.relative(root, filePath)));
    },
  });
}

export function wantsSpaFallback(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}
