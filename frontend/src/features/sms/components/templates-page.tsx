import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';

import type { SmsTemplateRead } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Textarea } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/errors';

import { smsQueries } from '../api/sms-queries';
import { useDeleteTemplate, useUpdateTemplate } from '../hooks/use-sms';

import { TemplateCreateForm } from './template-create-form';
import { TemplatePreview } from './template-preview';

/** "삭제" of a custom template, behind a confirmation; a refusal stays in the dialog with the server's message. */
function DeleteTemplateButton({ template }: { template: SmsTemplateRead }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteTemplate();
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button variant="ghost" className="text-red-700 hover:bg-red-50" onClick={() => setOpen(true)} aria-label={`${template.title} 삭제`}>
        <Trash2 className="size-4" aria-hidden="true" />
        삭제
      </Button>
      <ConfirmDialog
        open={open}
        title="템플릿 삭제"
        confirmLabel="삭제하기"
        tone="danger"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onClose={close}
        onConfirm={() =>
          remove.mutate(template.id, {
            onSuccess: () => {
              setOpen(false);
              toast.success('템플릿을 삭제했습니다', template.title);
            },
          })
        }
      >
        <p>
          <strong>{template.title}</strong> 템플릿을 삭제할까요? 삭제한 템플릿은 되돌릴 수 없습니다.
        </p>
      </ConfirmDialog>
    </>
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
          <h3 className="text-lg font-bold">{template.title}</h3>
          <p className="text-sm break-all text-slate-500">{template.key}</p>
        </div>
        {template.is_system ? <Badge tone="info">시스템</Badge> : <Badge tone="neutral">직접 만듦</Badge>}
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
          <TemplatePreview content={content} variables={template.variables} />
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
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => setEditing(true)}>
              <Pencil className="size-4" aria-hidden="true" />
              내용 수정
            </Button>
            {/* System templates are refused by the server (409 system_template): no button to press. */}
            {!template.is_system && <DeleteTemplateButton template={template} />}
          </div>
        </>
      )}
    </Card>
  );
}

/** `/admin/sms/templates`: every template, content editing, custom templates created and deleted, server preview. */
export function TemplatesPage() {
  const templates = useQuery(smsQueries.templates());
  const [creating, setCreating] = useState(false);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link to="/admin/sms" className={buttonClasses('ghost', 'md', 'self-start')}>
        <ArrowLeft className="size-5" aria-hidden="true" />
        문자 관리로
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-2xl font-bold">문자 템플릿</h2>
        {!creating && (
          <Button onClick={() => setCreating(true)}>
            <Plus className="size-5" aria-hidden="true" />
            새 템플릿
          </Button>
        )}
      </div>
      <p className="text-slate-700">
        시스템 템플릿은 내용만 고칠 수 있고 삭제할 수 없습니다. 미리보기는 예시 값과 회사 머리말을 넣어 서버가 계산합니다.
      </p>
      {creating && (
        <TemplateCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(template) => {
            setCreating(false);
            toast.success('템플릿을 만들었습니다', template.title);
          }}
        />
      )}
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
