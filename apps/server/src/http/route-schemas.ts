import type {
  FastifyInstance,
  FastifySchemaCompiler,
  preValidationAsyncHookHandler,
  RouteOptions,
} from 'fastify';
import { z } from 'zod';
import { UUID_PATTERN } from '../domain/ids.js';
import { unsafeTextDetails } from '../domain/text-safety.js';
import { ApiError } from './errors.js';

/**
 * One zod schema per request part (from `@sendlog/contract`) validates it, types the handler
 * (`fastify-type-provider-zod`) and feeds the OpenAPI document (see docs.ts).
 *
 * We compile validators ourselves rather than use the provider's `validatorCompiler` and map
 * Fastify's validation error afterwards: that error keeps only a `/`-joined path and a message
 * per issue, so the contract's `issuesToDetails` (dotted paths, one detail per unknown key)
 * could not be rebuilt exactly from it.
 * Our validator answers the `ApiError` itself; Fastify passes an `Error` through untouched to
 * the error handler, which sends it as `400 validation_failed`, byte for byte as before.
 */

/** Stand-ins for schemas that document a request part another layer validates. */
const documentedSchemas = new WeakMap<z.ZodType, z.ZodType>();
/** Path-parameter schemas, with the thing a malformed value cannot name. */
const notFoundNames = new WeakMap<z.ZodType, string>();

/**
 * Accepts anything and leaves the value as it came; the OpenAPI document shows `schema` instead.
 * For the session ingest bodies: the ingest validates each snapshot on its own (so one bad
 * session of a bulk never blocks the others, and its clock rules and `unknown_climb` answer the
 * single endpoints); validating them here first would change which error wins and parse twice.
 */
export function documentedOnly(schema: z.ZodType): z.ZodUnknown {
  const standIn = z.unknown();
  documentedSchemas.set(standIn, schema);
  return standIn;
}

/** The schema the OpenAPI document should show for `schema`. */
export function documentedSchemaOf<T>(schema: T): T | z.ZodType {
  return schema instanceof z.ZodType ? (documentedSchemas.get(schema) ?? schema) : schema;
}

/**
 * `{ [key]: uuid }` path parameters. A malformed id never names a stored row, so it is answered
 * like an unknown one, `404 <what> not found`, never 400.
 */
export function idParams<K extends string>(what: string, key: K) {
  return keyParams(what, key, UUID_PATTERN);
}

/** `{ [key]: string matching pattern }` path parameters, answered like `idParams` otherwise. */
export function keyParams<K extends string>(what: string, key: K, pattern: RegExp) {
  const schema = z.object({ [key]: z.string().regex(pattern) } as Record<K, z.ZodString>);
  notFoundNames.set(schema, what);
  return schema;
}

const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, url, httpPart = '' }) => {
  // A plain JSON Schema would slip past our error shape: refuse it when the route is declared.
  if (!(schema instanceof z.ZodType)) throw new Error(`${url}: ${httpPart} needs a zod schema`);
  // `true` accepts without replacing the value (Fastify hands a missing body over as null).
  if (documentedSchemas.has(schema)) return () => true;
  const notFound = notFoundNames.get(schema);
  const prefix = httpPart === 'headers' ? 'headers' : '';
  return (value: unknown) => {
    const result = schema.safeParse(value);
    if (!result.success) {
      return {
        error:
          notFound === undefined
            ? ApiError.fromZod(result.error.issues, prefix)
            : ApiError.notFound(notFound),
      };
    }
    return { value: result.data };
  };
};

/** The header names a route's headers schema declares (the only headers it reads). */
function declaredHeaders(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Text PostgreSQL cannot store (NUL) or JSON cannot carry (lone surrogates) is refused before
 * anything reads the request: `400 validation_failed` at its path for the body, the query and the
 * headers a route declares, the path parameter's `404` for an id. Once for every route, as its
 * first preValidation hook of its own: after authentication (a scope's hook), before a rate
 * limit's key (the login limit keys on the email) and before the schemas. A session body that is
 * only documented here is checked by the ingest, session by session, so one bad session of a
 * bulk never refuses the others.
 */
function refuseUnstorableText(route: RouteOptions): void {
  const schema = route.schema ?? {};
  const body = schema.body instanceof z.ZodType && !documentedSchemas.has(schema.body);
  const query = schema.querystring !== undefined;
  const params = schema.params instanceof z.ZodType ? schema.params : undefined;
  const headers = declaredHeaders(schema.headers);
  if (!body && !query && !params && headers.length === 0) return;
  const check: preValidationAsyncHookHandler = async (request) => {
    if (params && unsafeTextDetails(request.params).length > 0) {
      const what = notFoundNames.get(params);
      if (what !== undefined) throw ApiError.notFound(what);
      throw ApiError.validation(unsafeTextDetails(request.params));
    }
    const details = [
      ...(body ? unsafeTextDetails(request.body) : []),
      ...(query ? unsafeTextDetails(request.query) : []),
      ...headers.flatMap((name) => unsafeTextDetails(request.headers[name], ['headers', name])),
    ];
    if (details.length > 0) throw ApiError.validation(details);
  };
  const hooks = route.preValidation ?? [];
  route.preValidation = [check, ...(Array.isArray(hooks) ? hooks : [hooks])];
}

/**
 * Fastify hands a validator `null` for a request with no body at all, which zod would report as
 * "received null". This check keeps answering what the schema says of `undefined`, as before; it
 * is the route's last preValidation hook, so authentication and rate limits still come first.
 */
function refuseMissingBody(route: RouteOptions): void {
  const schema = route.schema?.body;
  if (!(schema instanceof z.ZodType) || documentedSchemas.has(schema)) return;
  const check: preValidationAsyncHookHandler = async (request) => {
    if (request.body !== undefined) return;
    const result = schema.safeParse(undefined);
    if (!result.success) throw ApiError.fromZod(result.error.issues);
  };
  const hooks = route.preValidation ?? [];
  route.preValidation = [...(Array.isArray(hooks) ? hooks : [hooks]), check];
}

/**
 * Installs the zod validators and a plain JSON serializer for every route declared afterwards
 * (call it after plugins that add route hooks, e.g. the rate limit, so this body check runs
 * last). Responses are not re-validated: the provider's serializer would `safeEncode` every
 * answer through zod (a 100-session bulk answer included, whose speed is benchmarked), while
 * handlers are already typed by the same response schemas. Those schemas still document them.
 */
export function installRouteSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook('onRoute', refuseMissingBody);
  app.addHook('onRoute', refuseUnstorableText);
}
