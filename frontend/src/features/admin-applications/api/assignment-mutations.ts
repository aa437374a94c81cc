import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';

import {
  adminAssignmentsBatchStatus,
  adminAssignmentsCancel,
  adminAssignmentsCreate,
  adminAssignmentsSendSms,
  adminAssignmentsUpdate,
} from '@/client/sdk.gen';
import type {
  ApplicationDetail,
  ApplicationStatus,
  AssignmentOut,
  AssignmentResult,
  BatchStatusResult,
  ServiceRef,
} from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import { applicationStatusLabel, assignmentStatusLabel } from '@/lib/status';
import { uuid } from '@/lib/uuid';

import { applicationQueries } from './application-queries';
import { CONFLICT_TITLE, isVersionConflict } from './conflict';

export type WorkStatus = 'pending' | 'scheduled' | 'completed';

export interface AssignmentFormValues {
  partnerId: number;
  serviceCodes: string[];
  scheduledDate: string | null;
  scheduledTime: string | null;
  estimatedCost: number | null;
  finalCost: number | null;
  estimateNote: string | null;
  note: string | null;
  sendSms: boolean;
}

/** What the optimistic card shows before the server answers (not sent). */
export interface AssignmentDisplay {
  partnerName: string;
  services: ServiceRef[];
}

export async function createAssignment(
  applicationId: number,
  values: AssignmentFormValues,
  idempotencyKey: string,
): Promise<AssignmentResult> {
  const { data } = await adminAssignmentsCreate({
    throwOnError: true,
    path: { application_id: applicationId },
    headers: { 'Idempotency-Key': idempotencyKey },
    body: {
      partner_id: values.partnerId,
      service_codes: values.serviceCodes,
      scheduled_date: values.scheduledDate,
      scheduled_time: values.scheduledTime,
      estimated_cost: values.estimatedCost,
      estimate_note: values.estimateNote,
      note: values.note,
      send_sms: values.sendSms,
    },
  });
  return data;
}

export interface AssignmentPatch {
  version: number;
  partner_id?: number;
  service_codes?: string[];
  status?: WorkStatus;
  scheduled_date?: string | null;
  scheduled_time?: string | null;
  estimated_cost?: number | null;
  final_cost?: number | null;
  estimate_note?: string | null;
  note?: string | null;
  send_sms?: boolean;
}

export async function updateAssignment(applicationId: number, assignmentId: number, patch: AssignmentPatch): Promise<AssignmentResult> {
  const { data } = await adminAssignmentsUpdate({
    throwOnError: true,
    path: { application_id: applicationId, assignment_id: assignmentId },
    body: patch,
  });
  return data;
}

export async function batchAssignmentStatus(
  applicationId: number,
  input: { ids: number[]; status: WorkStatus; sendSms: boolean },
): Promise<BatchStatusResult> {
  const { data } = await adminAssignmentsBatchStatus({
    throwOnError: true,
    path: { application_id: applicationId },
    body: { assignment_ids: input.ids, status: input.status, send_sms: input.sendSms },
  });
  return data;
}

/** The application's status and version move with its assignments; keep the cached detail in step. */
function applyApplicationStatus(queryClient: QueryClient, applicationId: number, status: string, version: number) {
  queryClient.setQueryData<ApplicationDetail>(applicationQueries.detail(applicationId).queryKey, (old) =>
    old ? { ...old, status: status as ApplicationStatus, status_label: applicationStatusLabel(status), version } : old,
  );
}

function invalidateApplication(queryClient: QueryClient, applicationId: number) {
  // detail(id) is the prefix of its assignments, ranking, notes and history keys.
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: applicationQueries.detail(applicationId).queryKey }),
    queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }),
  ]);
}

async function reportAssignmentConflict(queryClient: QueryClient, applicationId: number, assignmentId: number) {
  try {
    const fresh = await queryClient.fetchQuery({ ...applicationQueries.assignments(applicationId), staleTime: 0 });
    const current = fresh.find((a) => a.id === assignmentId);
    toast.error(
      CONFLICT_TITLE,
      current
        ? `이 배정은 지금 '${current.status_label}' 상태입니다${current.scheduled_date ? ` (${current.scheduled_date}${current.scheduled_time ? ` ${current.scheduled_time}` : ''})` : ''}. 확인 후 다시 저장해 주세요.`
        : '이 배정은 이미 취소되었거나 바뀌었습니다.',
    );
  } catch {
    toast.error(CONFLICT_TITLE, '새로고침한 뒤 다시 시도해 주세요.');
  }
}

let tempId = -1;

/** Creates an assignment; the card appears at once and disappears again if the server refuses. */
export function useCreateAssignment(applicationId: number) {
  const queryClient = useQueryClient();
  const key = applicationQueries.assignments(applicationId).queryKey;
  return useMutation({
    mutationFn: ({ values, idempotencyKey }: { values: AssignmentFormValues; display: AssignmentDisplay; idempotencyKey: string }) =>
      createAssignment(applicationId, values, idempotencyKey),
    onMutate: async ({ values, display }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      const now = new Date().toISOString();
      const status: WorkStatus = values.scheduledDate ? 'scheduled' : 'pending';
      const optimistic: AssignmentOut = {
        id: tempId--,
        application_id: applicationId,
        partner_id: values.partnerId,
        partner_name: display.partnerName,
        partner_representative: '',
        partner_phone: '',
        services: display.services,
        status,
        status_label: assignmentStatusLabel(status),
        scheduled_date: values.scheduledDate,
        scheduled_time: values.scheduledTime,
        estimated_cost: values.estimatedCost,
        final_cost: values.finalCost,
        estimate_note: values.estimateNote,
        note: values.note,
        quote_status: 'none',
        quote_sent_at: null,
        quote_viewed_at: null,
        assigned_by: null,
        completed_at: null,
        cancelled_at: null,
        cancel_reason: null,
        created_at: now,
        updated_at: now,
        version: 0,
      };
      queryClient.setQueryData<AssignmentOut[]>(key, (old) => [...(old ?? []), optimistic]);
      return { previous };
    },
    onError: (error, _vars, ctx) => {
      queryClient.setQueryData(key, ctx?.previous);
      toast.error('배정을 저장하지 못했습니다', errorMessage(error));
    },
    onSuccess: (result) => {
      applyApplicationStatus(queryClient, applicationId, result.application_status, result.application_version);
      toast.success(`${result.assignment.partner_name}에 배정했습니다`);
    },
    onSettled: () => invalidateApplication(queryClient, applicationId),
  });
}

/** Edits an assignment (form save, quick actions); optimistic, with the 409 explained. */
export function useUpdateAssignment(applicationId: number) {
  const queryClient = useQueryClient();
  const key = applicationQueries.assignments(applicationId).queryKey;
  return useMutation({
    mutationFn: ({ assignmentId, patch }: { assignmentId: number; patch: AssignmentPatch; display?: Partial<AssignmentDisplay> }) =>
      updateAssignment(applicationId, assignmentId, patch),
    onMutate: async ({ assignmentId, patch, display }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      queryClient.setQueryData<AssignmentOut[]>(key, (old) =>
        old?.map((a) => {
          if (a.id !== assignmentId) return a;
          const next: AssignmentOut = { ...a };
          if (patch.partner_id !== undefined) next.partner_id = patch.partner_id;
          if (display?.partnerName) next.partner_name = display.partnerName;
          if (display?.services) next.services = display.services;
          if (patch.scheduled_date !== undefined) next.scheduled_date = patch.scheduled_date;
          if (patch.scheduled_time !== undefined) next.scheduled_time = patch.scheduled_time;
          if (patch.estimated_cost !== undefined) next.estimated_cost = patch.estimated_cost;
          if (patch.final_cost !== undefined) next.final_cost = patch.final_cost;
          if (patch.estimate_note !== undefined) next.estimate_note = patch.estimate_note;
          if (patch.note !== undefined) next.note = patch.note;
          // A date on a pending assignment promotes it (as the server does).
          const status = patch.status ?? (a.status === 'pending' && patch.scheduled_date ? 'scheduled' : a.status);
          next.status = status;
          next.status_label = assignmentStatusLabel(status);
          return next;
        }),
      );
      return { previous };
    },
    onError: (error, { assignmentId }, ctx) => {
      queryClient.setQueryData(key, ctx?.previous);
      if (isVersionConflict(error)) void reportAssignmentConflict(queryClient, applicationId, assignmentId);
      else toast.error('배정을 수정하지 못했습니다', errorMessage(error));
    },
    onSuccess: (result) => {
      queryClient.setQueryData<AssignmentOut[]>(key, (old) => old?.map((a) => (a.id === result.assignment.id ? result.assignment : a)));
      applyApplicationStatus(queryClient, applicationId, result.application_status, result.application_version);
      toast.success('배정을 저장했습니다');
    },
    onSettled: () => invalidateApplication(queryClient, applicationId),
  });
}

/** Several assignments to one status at once, optimistic; per-item failures are reported. */
export function useBatchAssignmentStatus(applicationId: number) {
  const queryClient = useQueryClient();
  const key = applicationQueries.assignments(applicationId).queryKey;
  return useMutation({
    mutationFn: (input: { ids: number[]; status: WorkStatus; sendSms: boolean }) => batchAssignmentStatus(applicationId, input),
    onMutate: async ({ ids, status }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      const selected = new Set(ids);
      queryClient.setQueryData<AssignmentOut[]>(key, (old) =>
        old?.map((a) => (selected.has(a.id) ? { ...a, status, status_label: assignmentStatusLabel(status) } : a)),
      );
      return { previous };
    },
    onError: (error, _input, ctx) => {
      queryClient.setQueryData(key, ctx?.previous);
      toast.error('상태를 일괄 변경하지 못했습니다', errorMessage(error));
    },
    onSuccess: (result) => {
      applyApplicationStatus(queryClient, applicationId, result.application_status, result.application_version);
      if (result.failed_count > 0) {
        const reasons = result.results.filter((r) => !r.success).map((r) => `#${r.assignment_id}: ${r.message}`);
        toast.error(result.message, reasons.join(' / '));
      } else {
        toast.success(result.message);
      }
    },
    onSettled: () => invalidateApplication(queryClient, applicationId),
  });
}

/** Cancels one assignment with a reason (the row stays, marked cancelled). */
export function useCancelAssignment(applicationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ assignment, reason, sendSms }: { assignment: AssignmentOut; reason: string; sendSms: boolean }) => {
      const { data } = await adminAssignmentsCancel({
        throwOnError: true,
        path: { application_id: applicationId, assignment_id: assignment.id },
        body: { reason, version: assignment.version, send_sms: sendSms },
      });
      return data;
    },
    onError: (error, { assignment }) => {
      if (isVersionConflict(error)) void reportAssignmentConflict(queryClient, applicationId, assignment.id);
      else toast.error('배정을 취소하지 못했습니다', errorMessage(error));
    },
    onSuccess: (result) => {
      applyApplicationStatus(queryClient, applicationId, result.application_status, result.application_version);
      toast.success('배정을 취소했습니다');
    },
    onSettled: () => invalidateApplication(queryClient, applicationId),
  });
}

/** Sends the assignment notice again to the customer or the partner. */
export function useSendAssignmentSms(applicationId: number) {
  return useMutation({
    mutationFn: async ({ assignmentId, target }: { assignmentId: number; target: 'customer' | 'partner' }) => {
      const { data } = await adminAssignmentsSendSms({
        throwOnError: true,
        path: { application_id: applicationId, assignment_id: assignmentId },
        query: { target },
        headers: { 'Idempotency-Key': uuid() },
      });
      return data;
    },
    onSuccess: (_data, { target }) => toast.success(target === 'customer' ? '고객에게 문자를 보냈습니다' : '협력사에 문자를 보냈습니다'),
    onError: (error) => toast.error('문자를 보내지 못했습니다', errorMessage(error)),
  });
}
