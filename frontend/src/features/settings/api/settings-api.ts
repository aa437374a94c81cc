import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';

import {
  adminSettingsGetCompany,
  adminSettingsUpdateCompany,
  adminsCreate,
  adminsUpdate,
  settingsChangePassword,
  settingsGetProfile,
  settingsUpdateProfile,
} from '@/client/sdk.gen';
import type { AdminCreate, AdminRead, AdminUpdate, CompanyProfileOut, CompanyProfileUpdate, PasswordChange, ProfileUpdate } from '@/client/types.gen';
import { adminAccountKeys, adminAccountQueries } from '@/lib/admin-accounts-query';
import { adminAuthKeys } from '@/lib/admin-auth-api';
import '@/lib/api-client';
import { authSession } from '@/lib/auth-session';
import { STALE_TIME } from '@/lib/query-client';

export const settingsKeys = {
  all: ['settings'] as const,
  profile: () => [...settingsKeys.all, 'profile'] as const,
  company: () => [...settingsKeys.all, 'company'] as const,
  /** The admin accounts live under a shared key (the audit filter reads them too). */
  admins: () => adminAccountKeys.list(),
};

export const settingsQueries = {
  /**
   * The signed-in admin's own record: the same AdminRead the app already holds from sign-in (`/auth/me`), so
   * it starts from that record, as old as that record is (a stale one is refetched at once, as usual).
   */
  profile: (queryClient: QueryClient) =>
    queryOptions({
      queryKey: settingsKeys.profile(),
      queryFn: async ({ signal }): Promise<AdminRead> => (await settingsGetProfile({ signal, throwOnError: true })).data,
      staleTime: STALE_TIME.detail,
      initialData: () => queryClient.getQueryData<AdminRead>(adminAuthKeys.me()),
      initialDataUpdatedAt: () => queryClient.getQueryState(adminAuthKeys.me())?.dataUpdatedAt,
    }),
  company: () =>
    queryOptions({
      queryKey: settingsKeys.company(),
      queryFn: async ({ signal }): Promise<CompanyProfileOut> => (await adminSettingsGetCompany({ signal, throwOnError: true })).data,
      staleTime: STALE_TIME.reference,
    }),
  admins: () => adminAccountQueries.list(),
};

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProfileUpdate) => (await settingsUpdateProfile({ body, throwOnError: true })).data,
    onSuccess: (profile) => {
      queryClient.setQueryData(settingsKeys.profile(), profile);
      // The shell shows the name from the session query; the admins list shows it too.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: adminAuthKeys.all }),
        queryClient.invalidateQueries({ queryKey: adminAccountKeys.all }),
      ]);
    },
  });
}

/** Other sessions end; this one continues with the fresh token pair the server returns. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: PasswordChange) => (await settingsChangePassword({ body, throwOnError: true })).data,
    onSuccess: (pair) => authSession.store(pair),
  });
}

export function useCreateAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AdminCreate) => (await adminsCreate({ body, throwOnError: true })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.admins() }),
  });
}

export function useUpdateAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: AdminUpdate }) =>
      (await adminsUpdate({ path: { admin_id: id }, body, throwOnError: true })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.admins() }),
  });
}

export function useUpdateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CompanyProfileUpdate) => (await adminSettingsUpdateCompany({ body, throwOnError: true })).data,
    onSuccess: (company) => queryClient.setQueryData(settingsKeys.company(), company),
  });
}
