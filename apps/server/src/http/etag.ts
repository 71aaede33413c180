import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong ETag for a JSON body: a hash of its text, so equal content gets the same tag. */
export function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
}

/** Whether an `If-None-Match` header names `etag` (weak forms and `*` included). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

/**
 * Answers `body` with a strong ETag of its JSON and `Cache-Control: no-cache` (clients revalidate
 * every time), or `304` with no body when `If-None-Match` already names it.
 */
export function sendWithEtag<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  body: T,
): FastifyReply {
  const etag = etagOf(JSON.stringify(body));
  reply.header('etag', etag).header('cache-control', 'no-cache');
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.send(body);
}
