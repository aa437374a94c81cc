import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { getCurrentAdmin, postLogin, type AdminProfile, type TokenPair } from '@/lib/admin-auth-api';
import '@/lib/api-client';
import { authSession } from '@/lib/auth-session';
import { STALE_TIME } from '@/lib/query-client';

export const adminAuthKeys = {
  all: ['admin-auth'] as const,
  me: () => [...adminAuthKeys.all, 'me'] as const,
};

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

/** Ends the session locally and drops every cached admin query. */
export function useLogout() {
  const queryClient = useQueryClient();
  return () => {
    authSession.clear();
    queryClient.clear();
  };
}
