import { ImagePlus, X } from 'lucide-react';
import { useEffect, useMemo } from 'react';

import { downscaleImage } from '@/lib/image';
import { MMS_MAX_IMAGES } from '@/lib/sms';

/** A preview whose object URL is released when the picture goes away. */
function Thumb({ file, alt }: { file: File; alt: string }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img src={url} alt={alt} className="size-full object-cover" />;
}

/** Pictures are shrunk in the browser first (the server re-encodes them to JPEG ≤ 200 KB anyway). */
export async function prepareImages(files: FileList | File[], room: number): Promise<File[]> {
  const picked = [...files].filter((f) => f.type.startsWith('image/')).slice(0, Math.max(0, room));
  return Promise.all(picked.map((f) => downscaleImage(f, 1280, 0.8).catch(() => f)));
}

/** Up to three pictures for an MMS: thumbnails with a remove button each, and a picker while there is room. */
export function ImageAttachments({ images, onChange }: { images: File[]; onChange: (images: File[]) => void }) {
  async function add(files: FileList | null) {
    if (!files) return;
    const scaled = await prepareImages(files, MMS_MAX_IMAGES - images.length);
    onChange([...images, ...scaled].slice(0, MMS_MAX_IMAGES));
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="font-semibold">
        사진 첨부 <span className="text-sm font-normal text-slate-500">(선택, 최대 {MMS_MAX_IMAGES}장 · MMS)</span>
      </p>
      <div className="flex flex-wrap gap-2">
        {images.map((img, i) => (
          <div key={`${img.name}-${i}`} className="relative size-20 overflow-hidden rounded-lg border border-slate-200">
            <Thumb file={img} alt={`첨부 사진 ${i + 1}`} />
            <button
              type="button"
              className="absolute top-1 right-1 rounded-full bg-black/60 p-1 text-white"
              aria-label={`첨부 사진 ${i + 1} 삭제`}
              onClick={() => onChange(images.filter((_, j) => j !== i))}
            >
              <X className="size-4" aria-hidden="true" />
            </button>
          </div>
        ))}
        {images.length < MMS_MAX_IMAGES && (
          <label className="flex size-20 cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed border-slate-400 text-sm text-slate-700 focus-within:ring-4 focus-within:ring-brand-100">
            <ImagePlus className="size-6" aria-hidden="true" />
            사진
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              className="sr-only"
              aria-label="사진 첨부"
              onChange={(e) => {
                void add(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        )}
      </div>
    </div>
  );
}
