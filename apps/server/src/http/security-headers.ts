import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content Security Policy of everything the server answers. The web app keeps its bearer
 * token in the browser's storage, so what matters is that no injected script runs: scripts only
 * from this origin (the export's hashed bundles; it has no inline script and needs no eval), no
 * plugins, no framing, requests only to this origin (the API is same-origin).
 *
 * `style-src 'unsafe-inline'`: React Native Web writes its styles into <style> elements at run
 * time; a style cannot run code. No `upgrade-insecure-requests` (helmet's default): a LAN server
 * on plain http (HOST=0.0.0.0 for a phone) would find every request upgraded to https and failing.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * helmet on every answer (web app, API, errors): the CSP above, `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, `X-Frame-Options` for browsers older than frame-ancestors, HSTS
 * (browsers honour it only over https, i.e. behind the TLS proxy).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
}
