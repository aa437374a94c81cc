/** Admin token endpoints (generated functions), used by the API client's refresh path and the admin-auth feature. */
import { authLogin, authLogout, authMe, authRefresh } from '@/client/sdk.gen';
import type { AdminRead, TokenResponse } from '@/client/types.gen';

export type AdminProfile = AdminRead;

/**
 * The signed-in admin's query keys. Shared: the admin-auth feature owns the query (the shell verifies the
 * session with it), and the settings profile tab seeds itself from the same record.
 */
export const adminAuthKeys = {
  all: ['admin-auth'] as const,
  me: () => [...adminAuthKeys.all, 'me'] as const,
};
export type TokenPair = TokenResponse;

export async function postLogin(body: { email: string; password: string }): Promise<TokenPair> {
  const { data } = await authLogin({ body, throwOnError: true });
  return data;
}

export async function postRefresh(refreshToken: string): Promise<TokenPair> {
  const { data } = await authRefresh({ body: { refresh_token: refreshToken }, throwOnError: true });
  return data;
}

/** Revokes the refresh-token family on the server. */
export async function postLogout(refreshToken: string): Promise<void> {
  await authLogout({ body: { refresh_token: refreshToken }, throwOnError: true });
}

export async function getCurrentAdmin(signal?: AbortSignal): Promise<AdminProfile> {
  const { data } = await authMe({ signal, throwOnError: true });
  return data;
}
