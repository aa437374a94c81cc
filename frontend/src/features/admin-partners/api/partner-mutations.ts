import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';

import { adminPartnersAddNote, adminPartnersChangeStatus, adminPartnersDeleteNote } from '@/client/sdk.gen';
import type { PartnerDetail, PartnerList, PartnerNoteOut, PartnerStatus } from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import '@/lib/api-client';
import { authSession } from '@/lib/auth-session';
import { errorMessage, isApiError } from '@/lib/errors';
import { partnerStatusLabel } from '@/lib/status';
import { uuid } from '@/lib/uuid';

import { partnerQueries } from './partner-queries';
import { withRo } from '@/lib/korean';

export interface PartnerStatusInput {
  partnerId: number;
  status: PartnerStatus;
  reason: string | null;
  sendSms: boolean;
  version: number;
}

export async function changePartnerStatus(input: PartnerStatusInput): Promise<PartnerDetail> {
  const { data } = await adminPartnersChangeStatus({
    throwOnError: true,
    path: { partner_id: input.partnerId },
    headers: { 'Idempotency-Key': uuid() },
    body: { status: input.status, reason: input.reason, send_sms: input.sendSms, version: input.version },
  });
  return data;
}

export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'version_conflict';
}

async function reportConflict(queryClient: QueryClient, id: number) {
  try {
    const fresh = await queryClient.fetchQuery({ ...partnerQueries.detail(id), staleTime: 0 });
    toast.error('다른 관리자가 먼저 수정했습니다', `이 협력사는 지금 '${fresh.status_label}' 상태입니다. 확인 후 다시 시도해 주세요.`);
  } catch {
    toast.error('다른 관리자가 먼저 수정했습니다', '새로고침한 뒤 다시 시도해 주세요.');
  }
}

type Snapshot = { detail: PartnerDetail | undefined; lists: [readonly unknown[], PartnerList | undefined][] };

/** Approve / reject / suspend / deactivate, optimistic on the detail and the cached list pages. */
export function useChangePartnerStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePartnerStatus,
    onMutate: async (input): Promise<Snapshot> => {
      const detailKey = partnerQueries.detail(input.partnerId).queryKey;
      await Promise.all([
        queryClient.cancelQueries({ queryKey: detailKey, exact: true }),
        queryClient.cancelQueries({ queryKey: partnerQueries.lists() }),
      ]);
      const snapshot: Snapshot = {
        detail: queryClient.getQueryData(detailKey),
        lists: queryClient.getQueriesData<PartnerList>({ queryKey: partnerQueries.lists() }),
      };
      const label = partnerStatusLabel(input.status);
      queryClient.setQueryData(detailKey, (old) =>
        old ? { ...old, status: input.status, status_label: label, status_reason: input.reason, allowed_transitions: [] } : old,
      );
      queryClient.setQueriesData<PartnerList>({ queryKey: partnerQueries.lists() }, (old) =>
        old ? { ...old, items: old.items.map((p) => (p.id === input.partnerId ? { ...p, status: input.status, status_label: label } : p)) } : old,
      );
      return snapshot;
    },
    onError: (error, input, snapshot) => {
      if (snapshot) {
        queryClient.setQueryData(partnerQueries.detail(input.partnerId).queryKey, snapshot.detail);
        for (const [key, data] of snapshot.lists) queryClient.setQueryData(key, data);
      }
      if (isVersionConflict(error)) void reportConflict(queryClient, input.partnerId);
      else toast.error('상태를 바꾸지 못했습니다', errorMessage(error));
    },
    onSuccess: (fresh) => {
      queryClient.setQueryData(partnerQueries.detail(fresh.id).queryKey, fresh);
      toast.success(`${fresh.company_name}: ${withRo(`'${fresh.status_label}'`)} 바꿨습니다`);
    },
    onSettled: (_d, _e, input) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: partnerQueries.detail(input.partnerId).queryKey }),
        queryClient.invalidateQueries({ queryKey: partnerQueries.lists() }),
      ]),
  });
}

let tempId = -1;

export function useAddPartnerNote(id: number) {
  const queryClient = useQueryClient();
  const key = partnerQueries.notes(id).queryKey;
  return useMutation({
    mutationFn: async (content: string) => {
      const { data } = await adminPartnersAddNote({ throwOnError: true, path: { partner_id: id }, body: { content } });
      return data;
    },
    onMutate: async (content) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      const admin = authSession.getAdmin();
      const optimistic: PartnerNoteOut = {
        id: tempId--,
        partner_id: id,
        admin_id: admin?.id ?? null,
        admin_name: admin?.name ?? '나',
        note_type: 'memo',
        content,
        old_status: null,
        new_status: null,
        created_at: new Date().toISOString(),
      };
      queryClient.setQueryData<PartnerNoteOut[]>(key, (old) => [optimistic, ...(old ?? [])]);
      return { previous };
    },
    onError: (error, _c, ctx) => {
      queryClient.setQueryData(key, ctx?.previous);
      toast.error('메모를 저장하지 못했습니다', errorMessage(error));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useDeletePartnerNote(id: number) {
  const queryClient = useQueryClient();
  const key = partnerQueries.notes(id).queryKey;
  return useMutation({
    mutationFn: async (noteId: number) => {
      await adminPartnersDeleteNote({ throwOnError: true, path: { partner_id: id, note_id: noteId } });
    },
    onSuccess: () => toast.success('메모를 삭제했습니다'),
    onError: (error) => toast.error('메모를 삭제하지 못했습니다', errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
