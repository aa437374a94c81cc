import { X } from 'lucide-react';
import { useState } from 'react';

import type { RecipientItem } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { ImageAttachments } from '@/components/sms/image-attachments';
import { MessageComposer } from '@/components/sms/message-composer';
import { Sheet } from '@/components/ui/sheet';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';
import { digitsOnly, formatPhone, isKoreanPhone } from '@/lib/phone';
import { LMS_MAX_BYTES, smsByteLength } from '@/lib/sms-bytes';

import { useCreateBulkJob, useSendSms } from '../hooks/use-sms';

import { RecipientPicker } from './recipient-picker';

type Tab = 'customer' | 'partner' | 'direct';
const TABS: { id: Tab; label: string }[] = [
  { id: 'customer', label: '고객' },
  { id: 'partner', label: '협력사' },
  { id: 'direct', label: '직접 입력' },
];

/**
 * "문자 발송": one or more recipients from the picker (or a typed number), a message with the live counter, optional
 * images (MMS). Several recipients without images become one `manual_select` job; with images, one MMS each.
 */
export function SendSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('customer');
  const [selected, setSelected] = useState<Map<number, RecipientItem>>(new Map());
  const [phone, setPhone] = useState('');
  const [message, setMessage] = useState('');
  const [images, setImages] = useState<File[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = useSendSms();
  const bulk = useCreateBulkJob();
  const busy = send.isPending || bulk.isPending;

  const reset = () => {
    setSelected(new Map());
    setPhone('');
    setMessage('');
    setImages([]);
    setFormError(null);
    setDone(null);
    send.reset();
    bulk.reset();
  };

  const toggle = (item: RecipientItem) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(item.id)) next.delete(item.id);
      else next.set(item.id, item);
      return next;
    });

  const recipients = [...selected.values()];
  const count = tab === 'direct' ? (phone ? 1 : 0) : recipients.length;

  async function submit() {
    setFormError(null);
    if (!message.trim()) return setFormError('메시지를 입력해 주세요.');
    if (smsByteLength(message) > LMS_MAX_BYTES) return setFormError('메시지가 너무 깁니다.');
    if (tab === 'direct' && !isKoreanPhone(phone)) return setFormError('받는 분 전화번호를 확인해 주세요.');
    if (tab !== 'direct' && recipients.length === 0) return setFormError('받는 분을 한 명 이상 고르세요.');
    try {
      if (tab === 'direct') {
        await send.mutateAsync({ body: { receiver_phone: digitsOnly(phone), recipient_kind: 'other', message }, images });
        setDone('1명에게 발송을 등록했습니다.');
      } else if (recipients.length === 1 || images.length > 0) {
        for (const r of recipients) {
          const target = r.target_type === 'customer' ? { application_id: r.id } : { partner_id: r.id };
          await send.mutateAsync({ body: { ...target, recipient_kind: r.target_type, message }, images });
        }
        setDone(`${recipients.length}명에게 발송을 등록했습니다.`);
      } else {
        const job = await bulk.mutateAsync({
          title: `직접 발송 ${recipients.length}명`,
          job_type: 'manual_select',
          target_type: tab,
          target_ids: recipients.map((r) => r.id),
          message,
        });
        setDone(`${job.progress.total || recipients.length}명에게 발송을 등록했습니다. 진행 상황은 문자 기록에서 확인하세요.`);
      }
    } catch {
      // the mutation's error is shown below
    }
  }

  const error = send.error ?? bulk.error;
  return (
    <Sheet
      open={open}
      onClose={() => {
        reset();
        onClose();
      }}
      title="문자 발송"
      footer={
        done ? (
          <div className="flex gap-2">
            <Button variant="outline" className="flex-1" onClick={reset}>
              새로 보내기
            </Button>
            <Button className="flex-1" onClick={() => (reset(), onClose())}>
              닫기
            </Button>
          </div>
        ) : (
          <Button size="lg" className="w-full" loading={busy} onClick={() => void submit()}>
            {count > 0 ? `${count}명에게 보내기` : '보내기'}
          </Button>
        )
      }
    >
      {done ? (
        <Alert tone="success" live title="발송 등록 완료">
          {done}
        </Alert>
      ) : (
        <div className="flex flex-col gap-5">
          <div role="tablist" aria-label="받는 사람 종류" className="grid grid-cols-3 gap-1 rounded-xl bg-slate-100 p-1">
            {TABS.map((t) => (
              <button
                key={t.id}
                role="tab"
                type="button"
                aria-selected={tab === t.id}
                onClick={() => {
                  setTab(t.id);
                  setSelected(new Map());
                }}
                className={cn('min-h-12 rounded-lg font-semibold', tab === t.id ? 'bg-white text-brand-700 shadow' : 'text-slate-600')}
              >
                {t.label}
              </button>
            ))}
          </div>

          {tab === 'direct' ? (
            <label className="flex flex-col gap-2">
              <span className="font-semibold">받는 분 전화번호</span>
              <Input inputMode="tel" value={phone} onChange={(e) => setPhone(formatPhone(e.target.value))} placeholder="010-0000-0000" />
            </label>
          ) : (
            <section aria-label="받는 사람 고르기" className="flex flex-col gap-2">
              <RecipientPicker targetType={tab} selected={selected} onToggle={toggle} />
              {recipients.length > 0 && (
                <ul className="flex flex-wrap gap-2" aria-label="고른 사람">
                  {recipients.map((r) => (
                    <li key={r.id}>
                      <button
                        type="button"
                        onClick={() => toggle(r)}
                        className="inline-flex min-h-10 items-center gap-1 rounded-full bg-brand-50 px-3 text-sm font-semibold text-brand-800"
                        aria-label={`${r.name} 빼기`}
                      >
                        {r.name}
                        <X className="size-4" aria-hidden="true" />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          <MessageComposer value={message} onChange={setMessage} hasImages={images.length > 0} />

          <ImageAttachments images={images} onChange={setImages} />

          {formError && (
            <Alert tone="error" live>
              {formError}
            </Alert>
          )}
          {error && (
            <Alert tone="error" live title="보내지 못했습니다">
              {errorMessage(error)}
            </Alert>
          )}
        </div>
      )}
    </Sheet>
  );
}
