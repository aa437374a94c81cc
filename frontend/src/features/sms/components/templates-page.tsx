import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, ArrowLeft, Pencil } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';

import type { SmsTemplateRead } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Textarea } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { errorMessage } from '@/lib/errors';

import { smsQueries } from '../api/sms-queries';
import { useUpdateTemplate } from '../hooks/use-sms';

/** Sample values for the preview (the reference's: 홍길동, a date, 오후 2시, a Yangpyeong address …). */
const SAMPLES: Record<string, string> = {
  customer_name: '홍길동',
  customer_phone: '010-1234-5678',
  company_name: '푸른조경',
  representative_name: '김대표',
  partner_name: '푸른조경',
  partner_phone: '010-9876-5432',
  contact_phone: '010-9876-5432',
  application_number: '20260115-001',
  existing_application_number: '20260110-003',
  existing_status: '상담중',
  services: '제초 작업, 마당 청소',
  schedule_info: '상담 2026-01-20, 작업 2026-01-25',
  scheduled_date: '2026-01-25',
  scheduled_time: '오후 2시',
  old_date: '2026-01-24',
  new_date: '2026-01-25',
  new_time: '오후 2시',
  address: '경기도 양평군 서종면 문호리 123',
  estimated_cost: '350,000원',
  cancel_reason: '고객 요청',
  rejection_reason: '서류 보완 필요',
  view_url: 'https://jibsa.kr/view/customer/AbCdEfGh',
};

function sampleValues(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, SAMPLES[n] ?? '가나다']));
}

function Preview({ template, content }: { template: SmsTemplateRead; content: string }) {
  const settled = useDebouncedValue(content, 400);
  const preview = useQuery(smsQueries.preview({ content: settled, variables: sampleValues(template.variables) }));
  const p = preview.data;
  if (preview.isError) return <p className="text-red-700">{errorMessage(preview.error)}</p>;
  if (!p) return <Spinner />;
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-slate-50 p-3" aria-live="polite">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-slate-700">미리보기</span>
        <Badge tone={p.message_type === 'SMS' ? 'success' : 'info'}>{p.message_type}</Badge>
        <span className="text-slate-700">{p.byte_length.toLocaleString()}바이트</span>
      </div>
      <p className="break-words whitespace-pre-wrap">{p.preview}</p>
      {p.unsupported_characters.length > 0 && (
        <p className="flex items-start gap-1.5 text-sm font-medium text-amber-900">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          보낼 수 없는 글자: {p.unsupported_characters.join(' ')}
        </p>
      )}
    </div>
  );
}

function TemplateCard({ template }: { template: SmsTemplateRead }) {
  const [editing, setEditing] = useState(false);
  const [content, setContent] = useState(template.content);
  const update = useUpdateTemplate();
  const save = () =>
    update.mutate({ id: template.id, body: { content } }, { onSuccess: () => setEditing(false) });

  return (
    <Card className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <h2 className="text-lg font-bold">{template.title}</h2>
          <p className="text-sm break-all text-slate-500">{template.key}</p>
        </div>
        {template.is_system && <Badge tone="info">시스템</Badge>}
        <Badge tone={template.is_active ? 'success' : 'neutral'}>{template.is_active ? '사용 중' : '꺼짐'}</Badge>
      </div>
      {template.description && <p className="text-slate-700">{template.description}</p>}
      {editing ? (
        <>
          <label className="flex flex-col gap-2">
            <span className="font-semibold">내용</span>
            <Textarea value={content} onChange={(e) => setContent(e.target.value)} rows={8} />
          </label>
          {template.variables.length > 0 && (
            <div className="flex flex-col gap-1">
              <p className="text-sm font-semibold text-slate-700">사용할 수 있는 변수 (누르면 끝에 넣습니다)</p>
              <div className="flex flex-wrap gap-1.5">
                {template.variables.map((v) => (
                  <button
                    key={v}
                    type="button"
                    className="min-h-9 rounded-lg bg-slate-100 px-2 font-mono text-sm hover:bg-slate-200"
                    onClick={() => setContent((c) => `${c}{${v}}`)}
                  >
                    {`{${v}}`}
                  </button>
                ))}
              </div>
            </div>
          )}
          <Preview template={template} content={content} />
          {update.isError && (
            <Alert tone="error" live>
              {errorMessage(update.error)}
            </Alert>
          )}
          <div className="flex gap-2">
            <Button variant="outline" onClick={() => (setContent(template.content), setEditing(false), update.reset())}>
              취소
            </Button>
            <Button loading={update.isPending} onClick={save} disabled={content === template.content}>
              저장
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="rounded-xl bg-slate-50 p-3 break-words whitespace-pre-wrap text-slate-800">{template.content}</p>
          {template.variables.length > 0 && (
            <p className="text-sm text-slate-600">
              변수: <span className="font-mono">{template.variables.map((v) => `{${v}}`).join(' ')}</span>
            </p>
          )}
          <Button variant="outline" className="self-start" onClick={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden="true" />
            내용 수정
          </Button>
        </>
      )}
    </Card>
  );
}

/** `/admin/sms/templates`: every template with a system badge, content editing and the server's preview. */
export function TemplatesPage() {
  const templates = useQuery(smsQueries.templates());
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link to="/admin/sms" className={buttonClasses('ghost', 'md', 'self-start')}>
        <ArrowLeft className="size-5" aria-hidden="true" />
        문자 관리로
      </Link>
      <h2 className="text-2xl font-bold">문자 템플릿</h2>
      <p className="text-slate-700">시스템 템플릿은 내용만 고칠 수 있습니다. 미리보기는 예시 값과 회사 머리말을 넣어 서버가 계산합니다.</p>
      {templates.isPending ? (
        <Spinner />
      ) : templates.isError ? (
        <Alert tone="error" live>
          {errorMessage(templates.error)}
        </Alert>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {templates.data.map((t) => (
            <TemplateCard key={t.id} template={t} />
          ))}
        </div>
      )}
    </div>
  );
}
