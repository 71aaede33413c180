import {
  climbsResponseSchema,
  gymLayoutsResponseSchema,
  gymResponseSchema,
  gymsResponseSchema,
} from '@sendlog/contract';
import type {
  ClimbsResponse,
  GymLayoutsResponse,
  GymResponse,
  GymsResponse,
} from '@sendlog/contract';
import type { HttpClient } from '@sendlog/sync';
import { z } from 'zod';
import { resultOf } from './apiResult';
import type { ApiResult } from './apiResult';

const id = encodeURIComponent;

/** A climber's gym calls ("Gyms" in docs/api.md): finding gyms, following them, their walls. */
export interface GymsApi {
  /** Gyms whose name or city holds `q` (accents and case ignored); the first 50 without it. */
  search(q: string, token: string | null): Promise<ApiResult<GymsResponse>>;
  /** One gym by id or slug (a `/g/<slug>` link). */
  gym(idOrSlug: string, token: string | null): Promise<ApiResult<GymResponse>>;
  /** The gyms the account follows or is staff of. */
  myGyms(token: string): Promise<ApiResult<GymsResponse>>;
  follow(token: string, gymId: string): Promise<ApiResult<GymResponse>>;
  unfollow(token: string, gymId: string): Promise<ApiResult<unknown>>;
  /** One gym's walls, archived ones too; `etag` of the kept list answers 304 when unchanged. */
  gymLayouts(
    gymId: string,
    token: string | null,
    etag: string | null,
  ): Promise<ApiResult<GymLayoutsResponse>>;
  /**
   * Every climb of one gym's walls (`GET /gyms/:id/climbs`, this server's addition to the
   * contract): one request per gym instead of one per wall. A server without it refuses (404).
   */
  gymClimbs(
    gymId: string,
    token: string | null,
    etag: string | null,
  ): Promise<ApiResult<ClimbsResponse>>;
}

export function createGymsApi(http: HttpClient): GymsApi {
  return {
    search: async (q, token) =>
      resultOf(
        await http.send({
          method: 'GET',
          path: q.trim() === '' ? '/gyms' : `/gyms?q=${id(q.trim())}`,
          token,
        }),
        gymsResponseSchema,
      ),
    gym: async (idOrSlug, token) =>
      resultOf(
        await http.send({ method: 'GET', path: `/gyms/${id(idOrSlug)}`, token }),
        gymResponseSchema,
      ),
    myGyms: async (token) =>
      resultOf(await http.send({ method: 'GET', path: '/me/gyms', token }), gymsResponseSchema),
    follow: async (token, gymId) =>
      resultOf(
        await http.send({ method: 'PUT', path: `/me/gyms/${id(gymId)}`, token }),
        gymResponseSchema,
      ),
    unfollow: async (token, gymId) =>
      resultOf(
        await http.send({ method: 'DELETE', path: `/me/gyms/${id(gymId)}`, token }),
        z.unknown(),
      ),
    gymLayouts: async (gymId, token, etag) =>
      resultOf(
        await http.send({
          method: 'GET',
          path: `/gyms/${id(gymId)}/layouts`,
          token,
          ifNoneMatch: etag,
        }),
        gymLayoutsResponseSchema,
      ),
    gymClimbs: async (gymId, token, etag) =>
      resultOf(
        await http.send({
          method: 'GET',
          path: `/gyms/${id(gymId)}/climbs`,
          token,
          ifNoneMatch: etag,
        }),
        climbsResponseSchema,
      ),
  };
}
