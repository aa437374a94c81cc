import { ImageOff } from 'lucide-react';
import { useState } from 'react';

import type { PhotoOut } from '@/client/types.gen';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { useAdminFileUrl } from '@/hooks/use-admin-file-url';

function AdminImage({ url, alt, className }: { url: string; alt: string; className?: string }) {
  const state = useAdminFileUrl(url);
  if (state.status === 'loading') {
    return (
      <span className={`flex items-center justify-center bg-slate-100 ${className ?? ''}`}>
        <Spinner className="size-5 text-slate-400" label="사진을 불러오는 중" />
      </span>
    );
  }
  if (state.status === 'error') {
    return (
      <span className={`flex flex-col items-center justify-center gap-1 bg-slate-100 text-sm text-slate-500 ${className ?? ''}`}>
        <ImageOff className="size-6" aria-hidden="true" />
        불러오지 못함
      </span>
    );
  }
  return <img src={state.url} alt={alt} className={className} />;
}

/** Customer photos: thumbnails fetched with the admin token; a click opens the full image. */
export function PhotoGallery({ photos }: { photos: PhotoOut[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (photos.length === 0) return <p className="text-slate-600">첨부한 사진이 없습니다.</p>;
  const current = open === null ? null : photos[open];
  return (
    <>
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {photos.map((p, i) => (
          <li key={p.file_id}>
            <button
              type="button"
              onClick={() => setOpen(i)}
              className="block aspect-square w-full overflow-hidden rounded-xl border border-slate-200 hover:ring-4 hover:ring-brand-100"
              aria-label={`사진 ${i + 1} 크게 보기`}
            >
              <AdminImage url={p.thumbnail_url} alt={`고객 사진 ${i + 1}`} className="size-full object-cover" />
            </button>
          </li>
        ))}
      </ul>
      <Dialog
        open={current !== null && current !== undefined}
        onClose={() => setOpen(null)}
        title={open === null ? '사진' : `사진 ${open + 1} / ${photos.length}`}
        className="m-auto max-h-[calc(100dvh-2rem)] w-[min(56rem,calc(100%-2rem))] overflow-y-auto rounded-2xl p-0 backdrop:bg-black/70"
      >
        {current && (
          <div className="flex flex-col gap-3">
            <AdminImage url={current.url} alt={`고객 사진 ${(open ?? 0) + 1}`} className="max-h-[70dvh] w-full rounded-lg object-contain" />
            <div className="flex justify-between">
              <button type="button" className="min-h-11 rounded-lg px-3 font-semibold hover:bg-slate-100 disabled:opacity-40" disabled={open === 0} onClick={() => setOpen((o) => (o ?? 1) - 1)}>
                ← 이전
              </button>
              <button
                type="button"
                className="min-h-11 rounded-lg px-3 font-semibold hover:bg-slate-100 disabled:opacity-40"
                disabled={open === photos.length - 1}
                onClick={() => setOpen((o) => (o ?? 0) + 1)}
              >
                다음 →
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}
