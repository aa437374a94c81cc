import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { adminAuthKeys, getCurrentAdmin, postLogin, postLogout, type AdminProfile, type TokenPair } from '@/lib/admin-auth-api';
import '@/lib/api-client';
import { authSession } from '@/lib/auth-session';
import { STALE_TIME } from '@/lib/query-client';

export { adminAuthKeys };

export function login(body: { email: string; password: string }): Promise<TokenPair> {
  return postLogin(body);
}

export function getMe(signal?: AbortSignal): Promise<AdminProfile> {
  return getCurrentAdmin(signal);
}

export const adminAuthQueries = {
  /** Verifies the session against the server (the shell renders only after this succeeds). */
  me: () =>
    queryOptions({
      queryKey: adminAuthKeys.me(),
      queryFn: ({ signal }) => getMe(signal),
      staleTime: STALE_TIME.reference,
      retry: false,
    }),
};

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (pair) => {
      authSession.store(pair);
      queryClient.setQueryData(adminAuthKeys.me(), pair.admin);
    },
  });
}

/** Revokes the refresh token on the server (best effort), ends the session locally and drops cached admin data. */
export function useLogout() {
  const queryClient = useQueryClient();
  return () => {
    const refreshToken = authSession.getRefreshToken();
    if (refreshToken) void postLogout(refreshToken).catch(() => undefined);
    authSession.clear();
    queryClient.clear();
  };
}
