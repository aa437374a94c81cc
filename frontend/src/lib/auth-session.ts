/**
 * Admin session tokens.
 *
 * Storage choice: the access token (short-lived, 15 min) is kept only in memory so an XSS payload
 * cannot lift it from storage and it dies with the tab; the refresh token goes to localStorage so a
 * reload or a second tab keeps the admin logged in. The backend rotates refresh tokens and revokes
 * the whole family on reuse, which bounds the damage of a stolen refresh token. An httpOnly cookie
 * would be stronger, but the contract hands the token back in the body.
 */

import { isApiError } from './errors';

export interface SessionAdmin {
  id: number;
  email: string;
  name: string;
  role: string;
  phone?: string | null;
}

export interface TokenPairLike {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  admin: SessionAdmin;
}

const REFRESH_KEY = 'jibsa.admin.refresh';
const ADMIN_KEY = 'jibsa.admin.profile';

type Listener = () => void;

let accessToken: string | null = null;
let accessExpiresAt = 0;
let refreshInFlight: Promise<string | null> | null = null;
let refresher: ((refreshToken: string) => Promise<TokenPairLike>) | null = null;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function emit() {
  for (const l of listeners) l();
}

export const authSession = {
  /** Registers the call that exchanges a refresh token (set up by the API client, avoids an import cycle). */
  setRefresher(fn: (refreshToken: string) => Promise<TokenPairLike>) {
    refresher = fn;
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  store(pair: TokenPairLike) {
    accessToken = pair.access_token;
    // Refresh 30 s before the server would reject the token.
    accessExpiresAt = Date.now() + Math.max(0, pair.expires_in - 30) * 1000;
    storage()?.setItem(REFRESH_KEY, pair.refresh_token);
    storage()?.setItem(ADMIN_KEY, JSON.stringify(pair.admin));
    emit();
  },

  clear() {
    accessToken = null;
    accessExpiresAt = 0;
    storage()?.removeItem(REFRESH_KEY);
    storage()?.removeItem(ADMIN_KEY);
    emit();
  },

  getRefreshToken(): string | null {
    return storage()?.getItem(REFRESH_KEY) ?? null;
  },

  getAdmin(): SessionAdmin | null {
    const raw = storage()?.getItem(ADMIN_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionAdmin;
    } catch {
      return null;
    }
  },

  /** True when there is something to authenticate with (a live access token or a refresh token). */
  hasSession(): boolean {
    return accessToken !== null || this.getRefreshToken() !== null;
  },

  /** Current access token, refreshing first when it is missing or about to expire. */
  async getAccessToken(): Promise<string | null> {
    if (accessToken && Date.now() < accessExpiresAt) return accessToken;
    if (!this.getRefreshToken()) return accessToken;
    return this.refresh();
  },

  /** Single-flight refresh: concurrent 401s share one refresh call. Returns null when the session is over. */
  refresh(): Promise<string | null> {
    if (refreshInFlight) return refreshInFlight;
    const token = this.getRefreshToken();
    if (!token || !refresher) return Promise.resolve(null);
    const run = refresher;
    refreshInFlight = (async () => {
      try {
        const pair = await run(token);
        this.store(pair);
        return pair.access_token;
      } catch (error) {
        // A rejected refresh token ends the session; a network blip does not.
        if (isApiError(error) && error.isClientError) this.clear();
        return null;
      } finally {
        refreshInFlight = null;
      }
    })();
    return refreshInFlight;
  },
};
