import {
  climbResponseSchema,
  gymResponseSchema,
  gymStaffResponseSchema,
  insightsResponseSchema,
  layoutResponseSchema,
  resetLayoutResponseSchema,
} from '@sendlog/contract';
import type {
  ClimbResponse,
  CreateClimbBody,
  CreateGymLayoutBody,
  CreateLayoutBody,
  GymResponse,
  GymStaffResponse,
  InsightsResponse,
  SetGymStaffBody,
  UpdateGymBody,
  LayoutResponse,
  ResetLayoutBody,
  ResetLayoutResponse,
  UpdateClimbBody,
  UpdateLayoutBody,
} from '@sendlog/contract';
import type { HttpClient } from '@sendlog/sync';
import { resultOf } from './apiResult';
import type { ApiResult } from './apiResult';

/** The picture types the server takes for a wall (anything else is its 415). */
export const WALL_PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type WallPictureType = (typeof WALL_PICTURE_TYPES)[number];

/**
 * A gym's staff's calls ("Catalogue management" and a gym's management in docs/api.md). Unlike a climber's logging these need
 * the server there and then: each answers at once, and the caller refreshes the catalogue after.
 */
export interface CatalogueAdminApi {
  createLayout(token: string, body: CreateLayoutBody): Promise<ApiResult<LayoutResponse>>;
  updateLayout(
    token: string,
    layoutId: string,
    body: UpdateLayoutBody,
  ): Promise<ApiResult<LayoutResponse>>;
  /** The picture's bytes as the file holds them; the server reads the type from them too. */
  uploadPicture(
    token: string,
    layoutId: string,
    picture: { bytes: Uint8Array<ArrayBuffer>; type: WallPictureType },
  ): Promise<ApiResult<LayoutResponse>>;
  createClimb(
    token: string,
    layoutId: string,
    body: CreateClimbBody,
  ): Promise<ApiResult<ClimbResponse>>;
  updateClimb(
    token: string,
    climbId: string,
    body: UpdateClimbBody,
  ): Promise<ApiResult<ClimbResponse>>;
  resetLayout(
    token: string,
    layoutId: string,
    body: ResetLayoutBody,
  ): Promise<ApiResult<ResetLayoutResponse>>;
  /** A new wall in a gym (its staff); in the gym's grade system unless the body names one. */
  createGymLayout(
    token: string,
    gymId: string,
    body: CreateGymLayoutBody,
  ): Promise<ApiResult<LayoutResponse>>;
  /** A gym's admins and setters (its admins). */
  gymStaff(token: string, gymId: string): Promise<ApiResult<GymStaffResponse>>;
  /** Gives an account (by email) a role at the gym, or with `role: null` takes it off the staff. */
  setGymStaff(
    token: string,
    gymId: string,
    body: SetGymStaffBody,
  ): Promise<ApiResult<GymStaffResponse>>;
  /** What the gym's climbers' logbooks say about it, over a period (its staff). */
  gymInsights(
    token: string,
    gymId: string,
    period: { from: string; to: string },
  ): Promise<ApiResult<InsightsResponse>>;
  /** A gym's name, place, time zone, grade system (its admins). */
  updateGym(token: string, gymId: string, body: UpdateGymBody): Promise<ApiResult<GymResponse>>;
}

const id = encodeURIComponent;

/** Over the app's one HTTP client, so timeouts and error bodies read as everywhere else. */
export function createCatalogueAdminApi(http: HttpClient): CatalogueAdminApi {
  const json = (body: unknown) => JSON.stringify(body);
  return {
    createLayout: async (token, body) =>
      resultOf(
        await http.send({ method: 'POST', path: '/layouts', token, body: json(body) }),
        layoutResponseSchema,
      ),
    updateLayout: async (token, layoutId, body) =>
      resultOf(
        await http.send({
          method: 'PATCH',
          path: `/layouts/${id(layoutId)}`,
          token,
          body: json(body),
        }),
        layoutResponseSchema,
      ),
    uploadPicture: async (token, layoutId, picture) =>
      resultOf(
        await http.send({
          method: 'PUT',
          path: `/layouts/${id(layoutId)}/image`,
          token,
          body: picture.bytes,
          contentType: picture.type,
        }),
        layoutResponseSchema,
      ),
    createClimb: async (token, layoutId, body) =>
      resultOf(
        await http.send({
          method: 'POST',
          path: `/layouts/${id(layoutId)}/climbs`,
          token,
          body: json(body),
        }),
        climbResponseSchema,
      ),
    updateClimb: async (token, climbId, body) =>
      resultOf(
        await http.send({
          method: 'PATCH',
          path: `/climbs/${id(climbId)}`,
          token,
          body: json(body),
        }),
        climbResponseSchema,
      ),
    resetLayout: async (token, layoutId, body) =>
      resultOf(
        await http.send({
          method: 'POST',
          path: `/layouts/${id(layoutId)}/reset`,
          token,
          body: json(body),
        }),
        resetLayoutResponseSchema,
      ),
    createGymLayout: async (token, gymId, body) =>
      resultOf(
        await http.send({
          method: 'POST',
          path: `/gyms/${id(gymId)}/layouts`,
          token,
          body: json(body),
        }),
        layoutResponseSchema,
      ),
    gymStaff: async (token, gymId) =>
      resultOf(
        await http.send({ method: 'GET', path: `/gyms/${id(gymId)}/staff`, token }),
        gymStaffResponseSchema,
      ),
    setGymStaff: async (token, gymId, body) =>
      resultOf(
        await http.send({
          method: 'PUT',
          path: `/gyms/${id(gymId)}/staff`,
          token,
          body: json(body),
        }),
        gymStaffResponseSchema,
      ),
    gymInsights: async (token, gymId, period) =>
      resultOf(
        await http.send({
          method: 'GET',
          path: `/gyms/${id(gymId)}/insights?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`,
          token,
        }),
        insightsResponseSchema,
      ),
    updateGym: async (token, gymId, body) =>
      resultOf(
        await http.send({
          method: 'PATCH',
          path: `/gyms/${id(gymId)}`,
          token,
          body: json(body),
        }),
        gymResponseSchema,
      ),
  };
}
