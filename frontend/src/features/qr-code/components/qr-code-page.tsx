import { Download } from 'lucide-react';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';

export const MARGINS = [0, 10, 20, 40] as const;
export const SIZES = [150, 200, 300, 400, 500, 800] as const;

export interface QrOptions {
  text: string;
  size: number;
  /** Quiet zone in pixels around the code. */
  margin: number;
  dark: string;
  light: string;
}

/** Draws the code at `size` px and adds `margin` px of background around it, all in the browser. */
export async function drawQr(canvas: HTMLCanvasElement, { text, size, margin, dark, light }: QrOptions): Promise<void> {
  const code = document.createElement('canvas');
  await QRCode.toCanvas(code, text, { width: size, margin: 0, errorCorrectionLevel: 'M', color: { dark, light } });
  const full = code.width + margin * 2;
  canvas.width = full;
  canvas.height = full;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, full, full);
  ctx.drawImage(code, margin, margin);
}

/** `/admin/qr-code`: a QR code generated locally (no outside service), previewed live and saved as PNG. */
export function QrCodePage() {
  const [opts, setOpts] = useState<QrOptions>({ text: '', size: 300, margin: 20, dark: '#000000', light: '#ffffff' });
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = opts.text.trim();

  useEffect(() => {
    if (!canvas.current || !text) return;
    let cancelled = false;
    drawQr(canvas.current, { ...opts, text })
      .then(() => !cancelled && setError(null))
      .catch(() => !cancelled && setError('QR코드로 만들 수 없는 내용입니다. 길이를 줄여 주세요.'));
    return () => {
      cancelled = true;
    };
  }, [opts, text]);

  const download = () => {
    const url = canvas.current?.toDataURL('image/png');
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `qrcode-${opts.size}px.png`;
    a.click();
  };
  const set = (patch: Partial<QrOptions>) => setOpts((o) => ({ ...o, ...patch }));

  return (
    <div className="mx-auto grid max-w-5xl gap-4 lg:grid-cols-2">
      <Card className="flex flex-col gap-4">
        <label className="flex flex-col gap-2">
          <span className="font-semibold">내용 (주소 또는 글)</span>
          <Input value={opts.text} onChange={(e) => set({ text: e.target.value })} placeholder="https://jibsa.kr/apply" />
        </label>
        <div className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-2">
            <span className="font-semibold">크기</span>
            <Select value={opts.size} onChange={(e) => set({ size: Number(e.target.value) })}>
              {SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}px
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col gap-2">
            <span className="font-semibold">여백</span>
            <Select value={opts.margin} onChange={(e) => set({ margin: Number(e.target.value) })}>
              {MARGINS.map((m) => (
                <option key={m} value={m}>
                  {m}px
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col gap-2">
            <span className="font-semibold">코드 색</span>
            <input type="color" value={opts.dark} onChange={(e) => set({ dark: e.target.value })} className="h-14 w-full cursor-pointer rounded-xl border-2 border-slate-300 bg-white p-1" />
          </label>
          <label className="flex flex-col gap-2">
            <span className="font-semibold">배경 색</span>
            <input type="color" value={opts.light} onChange={(e) => set({ light: e.target.value })} className="h-14 w-full cursor-pointer rounded-xl border-2 border-slate-300 bg-white p-1" />
          </label>
        </div>
        <p className="text-sm text-slate-600">QR코드는 이 컴퓨터에서 바로 만들어지며 내용이 외부로 전송되지 않습니다.</p>
      </Card>
      <Card className="flex flex-col items-center gap-4">
        <h2 className="self-start text-lg font-bold">미리보기</h2>
        {text ? (
          <div className="flex max-w-full items-center justify-center overflow-auto rounded-xl bg-[repeating-conic-gradient(#e2e8f0_0%_25%,#fff_0%_50%)] bg-[length:16px_16px] p-2">
            <canvas ref={canvas} role="img" aria-label={`QR코드: ${text}`} className="max-w-full" style={{ imageRendering: 'pixelated' }} />
          </div>
        ) : (
          <p className="py-16 text-slate-500">내용을 입력하면 QR코드가 나타납니다.</p>
        )}
        {error && (
          <Alert tone="error" live>
            {error}
          </Alert>
        )}
        <Button size="lg" onClick={download} disabled={!text || !!error} className="w-full sm:w-auto">
          <Download className="size-5" aria-hidden="true" />
          PNG 내려받기
        </Button>
      </Card>
    </div>
  );
}
