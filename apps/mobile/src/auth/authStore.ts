import { authResponseSchema, gradeSystemSchema, LIMITS } from '@sendlog/contract';
import type { AuthResponse, GradeSystem, User } from '@sendlog/contract';
import type { KeyValueStorage } from '@sendlog/sync';
import type { ApiResult } from '../api/apiResult';
import type { SendlogApi } from '../api/sendlogApi';
import { createEmitter } from '../lib/emitter';
import { refusalText } from './authMessages';

const AUTH_KEY = 'sendlog.auth';

/** What is kept: the sign-in, and a grade system chosen offline that the server has not heard of. */
const storedAuthSchema = authResponseSchema.extend({
  pendingGradeSystem: gradeSystemSchema.optional(),
});
type StoredAuth = {
  token: string;
  user: User;
  pendingGradeSystem?: GradeSystem | undefined;
};

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  /** `expired`: the server refused the token; logging goes on, syncing waits for a new sign-in. */
  | { status: 'signedIn'; user: User; token: string; expired: boolean };

export type AuthResult = { ok: true } | { ok: false; message: string };

export interface AuthStore {
  getState(): AuthState;
  subscribe(listener: () => void): () => void;
  /** Reads the kept sign-in, so the app opens offline straight into the climber's account. */
  load(): Promise<void>;
  signIn(email: string, password: string): Promise<AuthResult>;
  register(email: string, password: string, name: string): Promise<AuthResult>;
  /** Forgets the token only: the account's sessions stay on the device. */
  signOut(): Promise<void>;
  /**
   * Revokes every token of the account on the server (a lost phone, a shared browser), then
   * signs out here. Needs a connection; sessions not yet synced stay on their devices.
   */
  signOutEverywhere(): Promise<AuthResult>;
  /**
   * The server refused a token: sync waits for a new sign-in. Given the refused token, a token
   * replaced since (a password changed on this device) stays good.
   */
  markExpired(refusedToken?: string | null): void;
  getToken(): string | null;
  /**
   * Changes the password: the server revokes every other token of the account (the climber's
   * other devices ask for a new sign-in) and answers a new one, which replaces this device's.
   */
  changePassword(currentPassword: string, newPassword: string): Promise<AuthResult>;
  /**
   * Deletes the account on the server (the password again), then signs out here. Answers the
   * account deleted, so its data can leave the device too; needs a connection.
   */
  deleteAccount(password: string): Promise<AuthResult & { userId?: string }>;
  /**
   * Asks the server for the account as it is now (a role granted since sign-in), after sending a
   * grade system chosen offline. Quiet when offline: the kept account stays.
   */
  refreshUser(): Promise<void>;
  /**
   * Shows grades in `system` from now on, on this device at once (offline too); the server hears
   * of it now or at the next `refreshUser`, so the climber's other devices follow.
   */
  setGradeSystem(system: GradeSystem): Promise<void>;
}

export function createAuthStore(deps: { storage: KeyValueStorage; api: SendlogApi }): AuthStore {
  let state: AuthState = { status: 'loading' };
  const emitter = createEmitter();
  const set = (next: AuthState) => {
    state = next;
    emitter.emit();
  };

  async function authenticate(call: Promise<ApiResult<AuthResponse>>): Promise<AuthResult> {
    const result = await call;
    if (!result.ok) {
      return {
        ok: false,
        message: refusalText(result, 'You are offline. Sign in once with a connection.', {
          ...(result.kind === 'http' && result.status === 401
            ? { [result.code]: 'Wrong email or password.' }
            : {}),
          email_taken: 'An account with this email already exists.',
        }),
      };
    }
    if (result.data === null) return { ok: false, message: 'Unexpected answer from the server.' };
    const { token, user } = result.data;
    pendingGradeSystem = undefined;
    await keep({ token, user });
    set({ status: 'signedIn', token, user, expired: false });
    return { ok: true };
  }

  let pendingGradeSystem: GradeSystem | undefined;

  let persisting: Promise<void> = Promise.resolve();
  /**
   * Writes (or with null, forgets) the kept sign-in, one write after the other in the order they
   * were asked for: an answer from `/me` landing after a sign-out must not put the token back.
   */
  function keep(stored: StoredAuth | null): Promise<void> {
    const write = persisting.then(() =>
      stored === null
        ? deps.storage.removeItem(AUTH_KEY)
        : deps.storage.setItem(AUTH_KEY, JSON.stringify(stored)),
    );
    persisting = write.catch(() => undefined);
    return write;
  }

  /** Takes `user` from the server unless the climber signed out or in as someone else meanwhile. */
  async function adopt(token: string, user: User): Promise<void> {
    const now = state;
    if (now.status !== 'signedIn' || now.token !== token || now.user.id !== user.id) return;
    const shown = pendingGradeSystem ? { ...user, gradeSystem: pendingGradeSystem } : user;
    set({ ...now, user: shown });
    await keep({ token, user: shown, pendingGradeSystem });
  }

  async function refreshUser(): Promise<void> {
    const now = state;
    if (now.status !== 'signedIn' || now.expired) return;
    const { token } = now;
    const wanted = pendingGradeSystem;
    const result = wanted
      ? await deps.api.updateMe(token, { gradeSystem: wanted })
      : await deps.api.me(token);
    // A refusal (a 401 included) changes nothing here: the sync engine tells an expired sign-in
    // apart from a sign-out racing this request, and asks for a new sign-in itself.
    if (!result.ok || result.data === null) return;
    // Sent: unless the climber changed it again while the request was out.
    if (wanted && pendingGradeSystem === wanted) pendingGradeSystem = undefined;
    await adopt(token, result.data.user);
  }

  function markExpired(refusedToken?: string | null): void {
    if (state.status !== 'signedIn' || state.expired) return;
    if (refusedToken != null && refusedToken !== state.token) return;
    set({ ...state, expired: true });
  }

  /** A refusal of an account call; a 401 means this device's sign-in ended too. */
  function refused(
    result: Extract<ApiResult<unknown>, { ok: false }>,
    token: string,
    offline: string,
  ): AuthResult {
    if (result.kind === 'http' && result.status === 401) markExpired(token);
    return {
      ok: false,
      message: refusalText(result, offline, {
        wrong_password: 'That is not your current password.',
        unauthorized: 'Your sign-in expired. Sign in again, then try once more.',
        last_gym_admin:
          'You are the only admin of a gym. Make another of its staff an admin first (Gyms → Manage → Staff).',
        last_admin: 'You are the only admin of this server. Make another account an admin first.',
      }),
    };
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<AuthResult> {
    const now = state;
    if (now.status !== 'signedIn') return { ok: false, message: 'Sign in first.' };
    if (newPassword.length < LIMITS.minPasswordLength) {
      return {
        ok: false,
        message: `The new password must be at least ${LIMITS.minPasswordLength} characters.`,
      };
    }
    const result = await deps.api.changePassword(now.token, { currentPassword, newPassword });
    if (!result.ok) {
      return refused(
        result,
        now.token,
        'Changing your password needs a connection. Try again when online.',
      );
    }
    if (result.data === null) return { ok: false, message: 'Unexpected answer from the server.' };
    const { token, user } = result.data;
    // The old token no longer opens anything: the new one replaces it, unless the climber signed
    // out (or in as someone else) while the request was out.
    const after = state;
    if (after.status !== 'signedIn' || after.user.id !== user.id) return { ok: true };
    const shown = pendingGradeSystem ? { ...user, gradeSystem: pendingGradeSystem } : user;
    set({ status: 'signedIn', token, user: shown, expired: false });
    await keep({ token, user: shown, pendingGradeSystem });
    return { ok: true };
  }

  async function deleteAccount(password: string): Promise<AuthResult & { userId?: string }> {
    const now = state;
    if (now.status !== 'signedIn') return { ok: false, message: 'Sign in first.' };
    const result = await deps.api.deleteMe(now.token, { password });
    if (!result.ok) {
      return refused(
        result,
        now.token,
        'Deleting your account needs a connection. Try again when online.',
      );
    }
    if (state.status === 'signedIn' && state.user.id === now.user.id) await signOut();
    return { ok: true, userId: now.user.id };
  }

  async function signOut(): Promise<void> {
    pendingGradeSystem = undefined;
    set({ status: 'signedOut' });
    await keep(null);
  }

  return {
    getState: () => state,
    subscribe: emitter.subscribe,
    async load() {
      const raw = await deps.storage.getItem(AUTH_KEY);
      const parsed = raw === null ? null : storedAuthSchema.safeParse(safeJson(raw));
      pendingGradeSystem = parsed?.success ? parsed.data.pendingGradeSystem : undefined;
      set(
        parsed?.success
          ? { status: 'signedIn', token: parsed.data.token, user: parsed.data.user, expired: false }
          : { status: 'signedOut' },
      );
    },
    signIn: (email, password) => authenticate(deps.api.login({ email: email.trim(), password })),
    register: (email, password, name) =>
      authenticate(
        deps.api.register({
          email: email.trim(),
          password,
          ...(name.trim() === '' ? {} : { name: name.trim() }),
        }),
      ),
    signOut,
    async signOutEverywhere() {
      if (state.status !== 'signedIn') return { ok: true };
      const result = await deps.api.logout(state.token);
      // 401: the token was revoked already, which is what was asked.
      if (!result.ok && !(result.kind === 'http' && result.status === 401)) {
        return {
          ok: false,
          message:
            result.kind === 'offline'
              ? 'Signing out everywhere needs a connection. Try again when online.'
              : result.message,
        };
      }
      await signOut();
      return { ok: true };
    },
    markExpired,
    changePassword,
    deleteAccount,
    getToken: () => (state.status === 'signedIn' && !state.expired ? state.token : null),
    refreshUser,
    async setGradeSystem(system) {
      const now = state;
      if (now.status !== 'signedIn' || now.user.gradeSystem === system) return;
      pendingGradeSystem = system;
      const user = { ...now.user, gradeSystem: system };
      set({ ...now, user });
      await keep({ token: now.token, user, pendingGradeSystem });
      await refreshUser();
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
