import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Serves the web app's static export at `/`; other GETs that want HTML get its index.html. */
export async function registerWebRoot(app: FastifyInstance, webRoot: string): Promise<void> {
  const root = path.resolve(webRoot);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`webRoot ${root} has no index.html`);
  }
  await app.register(fastifyStatic, { root, wildcard: true, index: ['index.html'] });
}

export function wantsSpaFallback(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}
