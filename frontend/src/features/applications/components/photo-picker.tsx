import { Camera, ImagePlus, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';

import { FieldErrorText } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { downscaleImage, MAX_UPLOAD_BYTES } from '@/lib/image';
import { uuid } from '@/lib/uuid';

export interface PickedPhoto {
  id: string;
  file: File;
  url: string;
}

interface PhotoPickerProps {
  value: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  max: number;
  error?: string | null;
}

/** Up to `max` photos, downscaled to ≤1920 px JPEG in the browser, with previews. */
export function PhotoPicker({ value, onChange, max, error }: PhotoPickerProps) {
  const inputId = useId();
  const errorId = useId();
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  // The newest list, for async work that finishes after a re-render.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  // Free preview URLs when the picker goes away.
  useEffect(() => () => latest.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setLocalError(null);
    const room = max - value.length;
    const incoming = Array.from(files);
    const problems: string[] = [];
    if (incoming.length > room) problems.push(`사진은 최대 ${max}장까지 올릴 수 있어 ${incoming.length - room}장은 제외했습니다.`);
    setBusy(true);
    const added: PickedPhoto[] = [];
    for (const file of incoming.slice(0, Math.max(0, room))) {
      if (!file.type.startsWith('image/')) {
        problems.push(`${file.name}: 사진 파일만 올릴 수 있습니다.`);
        continue;
      }
      const small = await downscaleImage(file);
      if (small.size > MAX_UPLOAD_BYTES) {
        problems.push(`${file.name}: 10MB 이하 사진만 올릴 수 있습니다.`);
        continue;
      }
      added.push({ id: uuid(), file: small, url: URL.createObjectURL(small) });
    }
    setBusy(false);
    if (problems.length) setLocalError(problems.join(' '));
    onChange([...latest.current, ...added]);
  };

  const remove = (id: string) => {
    const photo = value.find((p) => p.id === id);
    if (photo) URL.revokeObjectURL(photo.url);
    onChange(value.filter((p) => p.id !== id));
  };

  const message = error ?? localError;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-end justify-between">
        <p className="text-base font-semibold">
          현장 사진 <span className="text-sm font-normal text-slate-500">(선택)</span>
        </p>
        <p className="text-sm text-slate-600" aria-live="polite">
          {value.length} / {max}장
        </p>
      </div>
      <p className="text-sm text-slate-600">사진이 있으면 더 정확한 견적을 받으실 수 있습니다. 큰 사진은 자동으로 줄여서 올립니다.</p>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {value.map((p, i) => (
          <div key={p.id} className="relative aspect-square overflow-hidden rounded-xl border border-slate-200 bg-slate-100">
            <img src={p.url} alt={`첨부 사진 ${i + 1}`} className="size-full object-cover" />
            <button
              type="button"
              onClick={() => remove(p.id)}
              className="absolute top-1 right-1 flex size-10 items-center justify-center rounded-full bg-black/70 text-white"
              aria-label={`사진 ${i + 1} 삭제`}
            >
              <X className="size-5" aria-hidden="true" />
            </button>
          </div>
        ))}
        {value.length < max && (
          <label
            htmlFor={inputId}
            className="flex aspect-square cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed border-slate-400 bg-white text-slate-700 hover:border-brand-500 hover:bg-brand-50 focus-within:ring-4 focus-within:ring-brand-100"
          >
            {busy ? <Spinner label="사진 처리 중" /> : <ImagePlus className="size-8" aria-hidden="true" />}
            <span className="text-sm font-semibold">사진 추가</span>
            <input
              id={inputId}
              type="file"
              accept="image/*"
              multiple
              className="sr-only"
              aria-describedby={message ? errorId : undefined}
              onChange={(e) => {
                void add(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      <p className="flex items-center gap-1.5 text-sm text-slate-600">
        <Camera className="size-4" aria-hidden="true" />
        휴대폰에서는 카메라로 바로 찍어 올릴 수도 있습니다.
      </p>
      <FieldErrorText id={errorId} message={message ?? undefined} />
    </div>
  );
}
