import type { FastifyRequest } from 'fastify';

/**
 * Our bearer tokens (`v1.<payload>.<signature>`, see auth/tokens.ts), wherever they stand in a
 * URL: a client that puts one in a query string or a path is answered 401, and its token must
 * not reach the log on the way.
 */
const TOKEN = /v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;
/** Query parameters that carry a credential by name, whatever their value looks like. */
const SECRET_PARAM =
  /^(?:access[_-]?token|token|auth|authorization|bearer|jwt|password|secret|api[_-]?key|key)$/i;

/** The URL as the log shows it: tokens and the values of credential parameters replaced. */
export function loggedUrl(url: string): string {
  const withoutTokens = url.replace(TOKEN, '[redacted]');
  const q = withoutTokens.indexOf('?');
  if (q < 0) return withoutTokens;
  const query = withoutTokens
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // a malformed escape: the name as sent
      }
      return eq >= 0 && SECRET_PARAM.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${withoutTokens.slice(0, q)}?${query}`;
}

/**
 * Fastify's request serializer, with the URL through `loggedUrl` (the `Authorization` header is
 * redacted by the logger's own paths, see LOG_REDACT).
 */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
