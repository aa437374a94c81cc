import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

import type { ApplicationDetail } from '@/client/types.gen';
import { ImageAttachments } from '@/components/sms/image-attachments';
import { MessageComposer } from '@/components/sms/message-composer';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { Sheet } from '@/components/ui/sheet';
import { toast } from '@/components/ui/toast';
import { useCompany } from '@/hooks/use-company';
import { errorMessage } from '@/lib/errors';
import { smsSharedQueries } from '@/lib/sms';

import { useSendCustomerMessage } from '../api/bulk-mutations';

import { fillTemplate, validateCustomerMessage } from './customer-message';

/**
 * "문자 발송" on an application: to its customer, from a template (filled with this application's values) or free
 * text, with the live byte counter and up to three pictures (MMS). Each submission carries its own
 * Idempotency-Key, so a double click or a retried request queues one message.
 */
export function CustomerMessageSheet({ app, open, onClose }: { app: ApplicationDetail; open: boolean; onClose: () => void }) {
  const templates = useQuery({ ...smsSharedQueries.templates(), enabled: open });
  const company = useCompany();
  const send = useSendCustomerMessage(app.id);
  const [templateId, setTemplateId] = useState('');
  const [message, setMessage] = useState('');
  const [images, setImages] = useState<File[]>([]);
  const [formError, setFormError] = useState<string | null>(null);

  const values = useMemo(
    () => ({
      customer_name: app.customer_name,
      application_number: app.number,
      customer_phone: app.customer_phone,
      address: [app.address, app.address_detail].filter(Boolean).join(' '),
      services: app.services.map((s) => s.name).join(', '),
      company_name: company.name,
      company_phone: company.phone,
    }),
    [app, company.name, company.phone],
  );
  const active = (templates.data ?? []).filter((t) => t.is_active);

  const close = () => {
    setTemplateId('');
    setMessage('');
    setImages([]);
    setFormError(null);
    send.reset();
    onClose();
  };

  function pickTemplate(id: string) {
    setTemplateId(id);
    const template = active.find((t) => String(t.id) === id);
    if (template) setMessage(fillTemplate(template.content, values));
  }

  function submit() {
    const problem = validateCustomerMessage(message, images);
    setFormError(problem);
    if (problem) return;
    send.mutate(
      { message, images },
      {
        onSuccess: (queued) => {
          toast.success(`${queued.message_type} 발송을 등록했습니다`, `${queued.recipient_masked} · 문자 기록에서 결과를 볼 수 있습니다.`);
          close();
        },
      },
    );
  }

  return (
    <Sheet
      open={open}
      onClose={close}
      title="문자 발송"
      footer={
        <Button size="lg" className="w-full" loading={send.isPending} onClick={submit}>
          {images.length > 0 ? 'MMS 보내기' : '보내기'}
        </Button>
      }
    >
      <div className="flex flex-col gap-5">
        <div className="rounded-xl bg-slate-50 p-3">
          <p className="text-sm text-slate-600">받는 분 (신청 {app.number})</p>
          <p className="text-lg font-bold">
            {app.customer_name} <span className="text-base font-normal text-slate-700">{app.customer_phone}</span>
          </p>
        </div>
        <label className="flex flex-col gap-2">
          <span className="font-semibold">
            템플릿 <span className="text-sm font-normal text-slate-500">(선택하면 내용이 채워집니다)</span>
          </span>
          <Select value={templateId} onChange={(e) => pickTemplate(e.target.value)} disabled={templates.isPending}>
            <option value="">{templates.isPending ? '불러오는 중…' : '직접 입력'}</option>
            {active.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </Select>
        </label>
        <MessageComposer value={message} onChange={setMessage} hasImages={images.length > 0} />
        <ImageAttachments images={images} onChange={setImages} />
        {formError && (
          <Alert tone="error" live>
            {formError}
          </Alert>
        )}
        {send.error && (
          <Alert tone="error" live title="보내지 못했습니다">
            {errorMessage(send.error)}
          </Alert>
        )}
      </div>
    </Sheet>
  );
}
