import { Download, FileArchive, ImageOff } from 'lucide-react';
import { useState } from 'react';

import type { PhotoOut } from '@/client/types.gen';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { useAdminFileUrl } from '@/hooks/use-admin-file-url';
import { downloadAdminFile } from '@/lib/admin-file';
import { errorMessage } from '@/lib/errors';

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

export const photosZipUrl = (applicationId: number) => `/api/v1/admin/applications/${applicationId}/photos.zip`;

/** Downloads through the authenticated client (the token is a header, so a plain link cannot); one at a time. */
function useDownload() {
  const [busy, setBusy] = useState<string | null>(null);
  async function run(key: string, url: string, fallbackName: string) {
    if (busy) return;
    setBusy(key);
    try {
      await downloadAdminFile(url, fallbackName);
    } catch (error) {
      toast.error('내려받지 못했습니다', errorMessage(error));
    } finally {
      setBusy(null);
    }
  }
  return { busy, run };
}

/** Customer photos: thumbnails fetched with the admin token; a click opens the full image; single and ZIP downloads. */
export function PhotoGallery({ photos, applicationId, number }: { photos: PhotoOut[]; applicationId: number; number: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const download = useDownload();
  if (photos.length === 0) return <p className="text-slate-600">첨부한 사진이 없습니다.</p>;
  const current = open === null ? null : photos[open];
  const single = (i: number) => {
    const photo = photos[i];
    if (photo) void download.run(`photo-${i}`, `${photo.url}?download=true`, `${number}_${i + 1}.webp`);
  };
  return (
    <>
      <Button
        variant="outline"
        className="self-start"
        loading={download.busy === 'zip'}
        disabled={download.busy !== null}
        onClick={() => void download.run('zip', photosZipUrl(applicationId), `${number}_photos.zip`)}
      >
        {download.busy !== 'zip' && <FileArchive className="size-5" aria-hidden="true" />}
        전체 다운로드 (ZIP)
      </Button>
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {photos.map((p, i) => (
          <li key={p.file_id} className="flex flex-col gap-1">
            <button
              type="button"
              onClick={() => setOpen(i)}
              className="block aspect-square w-full overflow-hidden rounded-xl border border-slate-200 hover:ring-4 hover:ring-brand-100"
              aria-label={`사진 ${i + 1} 크게 보기`}
            >
              <AdminImage url={p.thumbnail_url} alt={`고객 사진 ${i + 1}`} className="size-full object-cover" />
            </button>
            <button
              type="button"
              onClick={() => single(i)}
              disabled={download.busy !== null}
              className="inline-flex min-h-11 items-center justify-center gap-1 rounded-lg text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-50"
              aria-label={`사진 ${i + 1} 내려받기`}
            >
              {download.busy === `photo-${i}` ? <Spinner className="size-4" label={null} /> : <Download className="size-4" aria-hidden="true" />}
              받기
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
            <div className="flex items-center justify-between gap-2">
              <button type="button" className="min-h-11 rounded-lg px-3 font-semibold hover:bg-slate-100 disabled:opacity-40" disabled={open === 0} onClick={() => setOpen((o) => (o ?? 1) - 1)}>
                ← 이전
              </button>
              <Button variant="outline" size="sm" loading={download.busy === `photo-${open}`} onClick={() => open !== null && single(open)}>
                원본 내려받기
              </Button>
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
