import { useQuery } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';
import { useId } from 'react';

import { Badge } from '@/components/ui/badge';
import { Textarea } from '@/components/ui/input';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { smsSharedQueries } from '@/lib/sms';
import { LMS_MAX_BYTES, SMS_MAX_BYTES, smsByteLength, smsKind } from '@/lib/sms-bytes';

/**
 * Message input with a live byte counter (counted here on every keystroke) and the server's rendering of the
 * final text (company prefix, exact byte length, SMS/LMS, characters phones cannot show), asked once typing pauses.
 */
export function MessageComposer({
  value,
  onChange,
  hasImages = false,
  label = '메시지',
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  hasImages?: boolean;
  label?: string;
  error?: string | undefined;
}) {
  const id = useId();
  const settled = useDebouncedValue(value, 400);
  const preview = useQuery({ ...smsSharedQueries.preview({ content: settled }), enabled: settled.trim().length > 0 });
  // The prefix's bytes come from the server's last answer, so the live count already includes it.
  const prefixBytes = preview.data ? Math.max(0, preview.data.byte_length - smsByteLength(settled)) : 0;
  const bytes = smsByteLength(value) + (value ? prefixBytes : 0);
  const kind = smsKind(bytes, hasImages);
  const over = bytes > LMS_MAX_BYTES;
  const exact = preview.data && settled === value ? preview.data : null;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className="text-base font-semibold">
          {label}
          <span className="ml-1 text-red-700" aria-hidden="true">
            *
          </span>
        </label>
        <span className={over ? 'font-bold text-red-700' : 'text-slate-700'} aria-live="polite" data-testid="byte-counter">
          {bytes.toLocaleString()} / {kind === 'SMS' ? SMS_MAX_BYTES : LMS_MAX_BYTES.toLocaleString()}바이트 · {kind}
        </span>
      </div>
      <Textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={6}
        aria-invalid={over || !!error || undefined}
        aria-describedby={`${id}-hint`}
        placeholder="보낼 내용을 입력하세요"
      />
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        한글은 2바이트로 셉니다. 90바이트까지 단문(SMS), 2,000바이트까지 장문(LMS){hasImages ? ', 사진이 있으면 MMS' : ''}로 보냅니다.
      </p>
      {error && (
        <p role="alert" className="font-medium text-red-700">
          {error}
        </p>
      )}
      {over && (
        <p role="alert" className="font-medium text-red-700">
          2,000바이트를 넘었습니다. 내용을 줄여 주세요.
        </p>
      )}
      {value.trim() && (
        <div className="rounded-xl border border-slate-200 bg-slate-50 p-3" aria-live="polite">
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold text-slate-700">실제 발송 내용</span>
            {exact ? (
              <>
                <Badge tone="info">{hasImages ? 'MMS' : exact.message_type}</Badge>
                <span className="text-slate-600" data-testid="server-bytes">
                  서버 계산 {exact.byte_length.toLocaleString()}바이트
                </span>
              </>
            ) : (
              <span className="text-slate-500">확인 중…</span>
            )}
          </div>
          <p className="text-base break-words whitespace-pre-wrap text-slate-900">{exact?.preview ?? preview.data?.preview ?? value}</p>
          {exact && exact.unsupported_characters.length > 0 && (
            <p className="mt-2 flex items-start gap-1.5 text-sm font-medium text-amber-900">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
              휴대폰에서 깨질 수 있는 글자: {exact.unsupported_characters.join(' ')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
