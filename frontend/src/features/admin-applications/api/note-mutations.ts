import { useMutation, useQueryClient } from '@tanstack/react-query';

import { adminApplicationsNotesAdd, adminApplicationsNotesDelete } from '@/client/sdk.gen';
import type { NoteList, NoteOut } from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import '@/lib/api-client';
import { authSession } from '@/lib/auth-session';
import { errorMessage } from '@/lib/errors';

import { applicationQueries } from './application-queries';

export async function addNote(id: number, content: string): Promise<NoteOut> {
  const { data } = await adminApplicationsNotesAdd({ throwOnError: true, path: { application_id: id }, body: { content } });
  return data;
}

export async function deleteNote(id: number, noteId: number): Promise<void> {
  await adminApplicationsNotesDelete({ throwOnError: true, path: { application_id: id, note_id: noteId } });
}

let tempId = -1;

/** Adds a note optimistically at the top of the timeline; rolls back and says why on error. */
export function useAddNote(id: number) {
  const queryClient = useQueryClient();
  const key = applicationQueries.notes(id).queryKey;
  return useMutation({
    mutationFn: (content: string) => addNote(id, content),
    onMutate: async (content) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      const admin = authSession.getAdmin();
      const optimistic: NoteOut = {
        id: tempId--,
        application_id: id,
        admin_id: admin?.id ?? null,
        admin_name: admin?.name ?? '나',
        content,
        created_at: new Date().toISOString(),
      };
      queryClient.setQueryData<NoteList>(key, (old) =>
        old
          ? { ...old, items: [optimistic, ...old.items], total: old.total + 1 }
          : { items: [optimistic], total: 1, page: 1, page_size: 100, total_pages: 1 },
      );
      return { previous };
    },
    onError: (error, _content, ctx) => {
      queryClient.setQueryData(key, ctx?.previous);
      toast.error('메모를 저장하지 못했습니다', errorMessage(error));
    },
    // The detail (its notes count) first: its response carries the notes, which then wait for it (one request).
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationQueries.detail(id).queryKey, exact: true }),
        queryClient.invalidateQueries({ queryKey: key }),
      ]),
  });
}

/** Deletes one's own note (optimistically hidden, restored on error). */
export function useDeleteNote(id: number) {
  const queryClient = useQueryClient();
  const key = applicationQueries.notes(id).queryKey;
  return useMutation({
    mutationFn: (noteId: number) => deleteNote(id, noteId),
    onMutate: async (noteId) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      queryClient.setQueryData<NoteList>(key, (old) =>
        old ? { ...old, items: old.items.filter((n) => n.id !== noteId), total: Math.max(0, old.total - 1) } : old,
      );
      return { previous };
    },
    onError: (error, _noteId, ctx) => {
      queryClient.setQueryData(key, ctx?.previous);
      toast.error('메모를 삭제하지 못했습니다', errorMessage(error));
    },
    onSuccess: () => toast.success('메모를 삭제했습니다'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
