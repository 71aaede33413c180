import { authResponseSchema, climbsResponseSchema, meResponseSchema } from '@sendlog/contract';
import type {
  AuthResponse,
  ChangePasswordBody,
  ClimbsResponse,
  DeleteAccountBody,
  LoginBody,
  MeResponse,
  RegisterBody,
  UpdateMeBody,
} from '@sendlog/contract';
import type { HttpClient } from '@sendlog/sync';
import { z } from 'zod';
import { resultOf } from './apiResult';
import type { ApiResult } from './apiResult';

/** The app's own calls to the API; sessions go through the sync engine instead. */
export interface SendlogApi {
  login(body: LoginBody): Promise<ApiResult<AuthResponse>>;
  register(body: RegisterBody): Promise<ApiResult<AuthResponse>>;
  /** Revokes every token of the account. */
  logout(token: string): Promise<ApiResult<unknown>>;
  /** The account as the server has it now (a role granted since sign-in, say). */
  me(token: string): Promise<ApiResult<MeResponse>>;
  updateMe(token: string, body: UpdateMeBody): Promise<ApiResult<MeResponse>>;
  /** A new token for this device; every other token of the account stops working. */
  changePassword(token: string, body: ChangePasswordBody): Promise<ApiResult<AuthResponse>>;
  /** Deletes the account and everything it logged on the server (204). */
  deleteMe(token: string, body: DeleteAccountBody): Promise<ApiResult<unknown>>;
  /** `etag` of the cached list: an unchanged list answers 304. */
  climbs(
    layoutId: string,
    token: string | null,
    etag: string | null,
  ): Promise<ApiResult<ClimbsResponse>>;
}

/** Over the one HTTP client the sync engine uses too (timeout, `Retry-After`, error bodies). */
export function createSendlogApi(http: HttpClient): SendlogApi {
  return {
    login: async (body) =>
      resultOf(
        await http.send({ method: 'POST', path: '/auth/login', body: JSON.stringify(body) }),
        authResponseSchema,
      ),
    register: async (body) =>
      resultOf(
        await http.send({ method: 'POST', path: '/auth/register', body: JSON.stringify(body) }),
        authResponseSchema,
      ),
    logout: async (token) =>
      resultOf(await http.send({ method: 'POST', path: '/auth/logout', token }), z.unknown()),
    me: async (token) =>
      resultOf(await http.send({ method: 'GET', path: '/me', token }), meResponseSchema),
    updateMe: async (token, body) =>
      resultOf(
        await http.send({ method: 'PATCH', path: '/me', token, body: JSON.stringify(body) }),
        meResponseSchema,
      ),
    changePassword: async (token, body) =>
      resultOf(
        await http.send({
          method: 'POST',
          path: '/me/password',
          token,
          body: JSON.stringify(body),
        }),
        authResponseSchema,
      ),
    deleteMe: async (token, body) =>
      resultOf(
        await http.send({ method: 'DELETE', path: '/me', token, body: JSON.stringify(body) }),
        z.unknown(),
      ),
    climbs: async (layoutId, token, etag) =>
      resultOf(
        await http.send({
          method: 'GET',
          path: `/layouts/${encodeURIComponent(layoutId)}/climbs`,
          token,
          ifNoneMatch: etag,
        }),
        climbsResponseSchema,
      ),
  };
}
