import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import {
  adminSettingsGetCompany,
  adminSettingsUpdateCompany,
  adminsCreate,
  adminsList,
  adminsUpdate,
  settingsChangePassword,
  settingsGetProfile,
  settingsUpdateProfile,
} from '@/client/sdk.gen';
import type { AdminCreate, AdminRead, AdminUpdate, CompanyProfileOut, CompanyProfileUpdate, PageAdminRead, PasswordChange, ProfileUpdate } from '@/client/types.gen';
import '@/lib/api-client';
import { authSession } from '@/lib/auth-session';
import { STALE_TIME } from '@/lib/query-client';

export const settingsKeys = {
  all: ['settings'] as const,
  profile: () => [...settingsKeys.all, 'profile'] as const,
  company: () => [...settingsKeys.all, 'company'] as const,
  admins: () => [...settingsKeys.all, 'admins'] as const,
};

export const settingsQueries = {
  profile: () =>
    queryOptions({
      queryKey: settingsKeys.profile(),
      queryFn: async ({ signal }): Promise<AdminRead> => (await settingsGetProfile({ signal, throwOnError: true })).data,
      staleTime: STALE_TIME.detail,
    }),
  company: () =>
    queryOptions({
      queryKey: settingsKeys.company(),
      queryFn: async ({ signal }): Promise<CompanyProfileOut> => (await adminSettingsGetCompany({ signal, throwOnError: true })).data,
      staleTime: STALE_TIME.reference,
    }),
  admins: () =>
    queryOptions({
      queryKey: settingsKeys.admins(),
      queryFn: async ({ signal }): Promise<PageAdminRead> => (await adminsList({ query: { page_size: 100 }, signal, throwOnError: true })).data,
      staleTime: STALE_TIME.list,
    }),
};

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProfileUpdate) => (await settingsUpdateProfile({ body, throwOnError: true })).data,
    onSuccess: (profile) => {
      queryClient.setQueryData(settingsKeys.profile(), profile);
      // The shell shows the name from the session query; the admins list shows it too.
      return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'admin-auth' || q.queryKey[1] === 'admins' });
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
