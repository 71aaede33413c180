import rateLimit from '@fastify/rate-limit';
import { LIMITS } from '@sendlog/contract';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import type { AppContext } from './context.js';
import { requireAuthentication } from './http/authenticated.js';
import { ADMINS, CATALOGUE_MANAGERS, requireRole } from './http/roles.js';
import { registerDocs } from './http/docs.js';
import { ApiError, installErrorHandling, notFoundBody, sendError } from './http/errors.js';
import { requireGymStaff } from './http/gym-access.js';
import { databaseRateLimitStore } from './http/rate-limit-store.js';
import { registerMetrics, type MetricsOptions } from './http/metrics.js';
import { installRouteSchemas } from './http/route-schemas.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWebRoot, wantsSpaFallback } from './http/web-root.js';
import { accountRoutes } from './routes/auth/account-routes.js';
import { authRoutes } from './routes/auth/auth-routes.js';
import { healthRoutes } from './routes/health/health-routes.js';
import { importRoutes } from './routes/imports/import-routes.js';
import { climbRoutes } from './routes/climbs/climb-routes.js';
import { gymAdminRoutes } from './routes/gyms/gym-admin-routes.js';
import { gymInsightsRoutes } from './routes/gyms/gym-insights-routes.js';
import { gymManagementRoutes } from './routes/gyms/gym-management-routes.js';
import { gymRoutes } from './routes/gyms/gym-routes.js';
import { myGymRoutes } from './routes/gyms/my-gym-routes.js';
import { layoutImageRoutes } from './routes/layouts/layout-image-routes.js';
import { layoutManagementRoutes } from './routes/layouts/layout-management-routes.js';
import { layoutRoutes } from './routes/layouts/layout-routes.js';
import { userRoutes } from './routes/users/user-routes.js';
import { wallPictureRoutes } from './routes/wall-pictures/wall-picture-routes.js';
import { logbookRoutes } from './routes/logbook/logbook-routes.js';
import { sessionRoutes } from './routes/sessions/session-routes.js';
import { CommunityFolder, DEFAULT_FOLDER, type FolderOptions } from './catalogue/community-fold.js';

export interface BuildAppOptions {
  logger: FastifyServerOptions['logger'];
  webRoot?: string | undefined;
  /** Fastify's trustProxy (hops or addresses); default false: the socket's address is the client. */
  trustProxy?: number | string | undefined;
  /** `GET /metrics` and what it reads (absent: counted, never published). */
  metrics?: MetricsOptions;
  /** When the community fold runs (default `DEFAULT_FOLDER`). */
  communityFold?: Partial<Omit<FolderOptions, 'onError'>>;
}

/** Passwords and tokens never reach the logs. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.body.password',
  'req.body.currentPassword',
  'req.body.newPassword',
  'body.password',
  'password',
  '*.password',
  'currentPassword',
  '*.currentPassword',
  'newPassword',
  '*.newPassword',
];

/**
 * While closing, answers still in flight say `Connection: close`, so their keep-alive sockets end
 * with them instead of holding the shutdown for the keep-alive timeout.
 */
function drainOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}

/** Hops as Fastify counts them at run time (its types take only addresses or a function). */
function trustedProxies(given: number | string | undefined): string | false | TrustProxyHops {
  if (given === undefined || given === 0) return false;
  return typeof given === 'number' ? (_address, hop) => hop < given : given;
}
type TrustProxyHops = (address: string, hop: number) => boolean;

export async function buildApp(given: AppContext, o: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: o.logger,
    bodyLimit: LIMITS.maxBodyBytes,
    // On SIGTERM the listener stops taking connections; requests already on open connections are
    // still served (then their connection closes, see drainOnClose) rather than answered 503.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    trustProxy: trustedProxies(o.trustProxy),
    // Malformed or overlong path parameters never name a stored id: answer docs/api.md's 404 rather
    // than Fastify's own 400/414 bodies.
    frameworkErrors: (error, request, reply) => {
      const pathError =
        error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return sendError(
        reply as FastifyReply,
        pathError
          ? new ApiError(404, 'not_found', notFoundBody(request.method, request.url).error.message)
          : new ApiError(400, 'validation_failed', 'the request is invalid'),
      );
    },
  });
  installErrorHandling(app);
  drainOnClose(app);
  // The community view is folded off the request path, in every API process (see
  // catalogue/community-fold.ts); closing the app lets a fold in flight finish.
  const folder =
    given.communityFolder ??
    new CommunityFolder(given.db, {
      ...DEFAULT_FOLDER,
      ...o.communityFold,
      onError: (err) => app.log.error({ err }, 'the community fold failed: its rows stay queued'),
    });
  if (!given.communityFolder) app.addHook('onClose', () => folder.stop());
  const ctx: AppContext = { ...given, communityFolder: folder };
  // First, so its timing hook sees every route declared after it.
  registerMetrics(app, o.metrics ?? {});
  await registerSecurityHeaders(app);
  // JSON only: Fastify also parses text/plain by default, which docs/api.md answers with 415.
  app.removeContentTypeParser('text/plain');
  await registerDocs(app);
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(ctx.db) });
  installRouteSchemas(app);
  if (o.webRoot) await registerWebRoot(app, o.webRoot);

  app.setNotFoundHandler(async (request, reply) => {
    if (o.webRoot && wantsSpaFallback(request)) return reply.sendFile('index.html');
    return reply.code(404).send(notFoundBody(request.method, request.url));
  });

  await app.register(healthRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(layoutRoutes, { ctx });
  await app.register(gymRoutes, { ctx });
  await app.register(wallPictureRoutes, { ctx });
  // Everything that needs a user, in one scope whose hook authenticates each request.
  await app.register(async (scope) => {
    requireAuthentication(scope, ctx);
    await scope.register(accountRoutes, { ctx });
    await scope.register(sessionRoutes, { ctx });
    await scope.register(importRoutes, { ctx });
    await scope.register(myGymRoutes, { ctx });
    // Catalogue and gym management: whoever is on no gym's staff is refused first, whatever the
    // request says; then the one gym check (http/gym-access.ts) refuses staff of other gyms.
    // Both run before any handler, so a refused request writes nothing.
    await scope.register(async (managers) => {
      requireRole(managers, CATALOGUE_MANAGERS);
      requireGymStaff(managers, ctx);
      await managers.register(layoutManagementRoutes, { ctx });
      await managers.register(climbRoutes, { ctx });
      await managers.register(layoutImageRoutes, { ctx });
      await managers.register(gymManagementRoutes, { ctx });
      await managers.register(gymInsightsRoutes, { ctx });
    });
    await scope.register(async (admins) => {
      requireRole(admins, ADMINS);
      await admins.register(userRoutes, { ctx });
      await admins.register(gymAdminRoutes, { ctx });
    });
    await scope.register(logbookRoutes, { ctx });
  });
  return app;
}
