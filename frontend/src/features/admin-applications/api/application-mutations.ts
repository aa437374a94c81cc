import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';

import { adminApplicationsUpdate } from '@/client/sdk.gen';
import type { ApplicationDetail, ApplicationList, ApplicationStatus } from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import { applicationStatusLabel } from '@/lib/status';

import { applicationQueries } from './application-queries';
import { CONFLICT_TITLE, isVersionConflict } from './conflict';
import { withRo } from '@/lib/korean';

export interface StatusChangeInput {
  status: ApplicationStatus;
  reason?: string | null | undefined;
  sendSms: boolean;
  /** The version the admin was looking at. */
  version: number;
}

export async function updateApplicationStatus(id: number, input: StatusChangeInput): Promise<ApplicationDetail> {
  const { data } = await adminApplicationsUpdate({
    throwOnError: true,
    path: { application_id: id },
    body: { version: input.version, status: input.status, reason: input.reason ?? null, send_sms: input.sendSms },
  });
  return data;
}

/** Refetches the record after a 409 and tells the admin what it is now. */
export async function reportApplicationConflict(queryClient: QueryClient, id: number): Promise<void> {
  try {
    const fresh = await queryClient.fetchQuery({ ...applicationQueries.detail(id), staleTime: 0 });
    toast.error(CONFLICT_TITLE, `현재 상태는 '${fresh.status_label}'입니다. 바뀐 내용을 확인한 뒤 다시 시도해 주세요.`);
  } catch {
    toast.error(CONFLICT_TITLE, '새로고침한 뒤 다시 시도해 주세요.');
  }
}

type Snapshot = { detail: ApplicationDetail | undefined; lists: [readonly unknown[], ApplicationList | undefined][] };

/**
 * Status change with an optimistic update: cancel → snapshot → set (detail and every cached list page) →
 * roll back on error (a 409 refetches and says what changed) → invalidate through the key factory.
 */
export function useUpdateApplicationStatus(id: number) {
  const queryClient = useQueryClient();
  const detailKey = applicationQueries.detail(id).queryKey;
  return useMutation({
    mutationFn: (input: StatusChangeInput) => updateApplicationStatus(id, input),
    onMutate: async (input): Promise<Snapshot> => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: detailKey, exact: true }),
        queryClient.cancelQueries({ queryKey: applicationQueries.lists() }),
      ]);
      const snapshot: Snapshot = {
        detail: queryClient.getQueryData(detailKey),
        lists: queryClient.getQueriesData<ApplicationList>({ queryKey: applicationQueries.lists() }),
      };
      const label = applicationStatusLabel(input.status);
      queryClient.setQueryData(detailKey, (old) =>
        old
          ? {
              ...old,
              status: input.status,
              status_label: label,
              // No further move until the server answers with the real transitions.
              allowed_transitions: [],
              cancel_reason: input.status === 'cancelled' ? (input.reason ?? null) : old.cancel_reason,
            }
          : old,
      );
      queryClient.setQueriesData<ApplicationList>({ queryKey: applicationQueries.lists() }, (old) =>
        old
          ? { ...old, items: old.items.map((item) => (item.id === id ? { ...item, status: input.status, status_label: label } : item)) }
          : old,
      );
      return snapshot;
    },
    onError: (error, _input, snapshot) => {
      if (snapshot) {
        queryClient.setQueryData(detailKey, snapshot.detail);
        for (const [key, data] of snapshot.lists) queryClient.setQueryData(key, data);
      }
      if (isVersionConflict(error)) void reportApplicationConflict(queryClient, id);
      else toast.error('상태를 바꾸지 못했습니다', errorMessage(error));
    },
    onSuccess: (fresh) => {
      queryClient.setQueryData(detailKey, fresh);
      toast.success(`상태를 ${withRo(`'${fresh.status_label}'`)} 바꿨습니다`);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: detailKey }),
        queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }),
      ]),
  });
}
