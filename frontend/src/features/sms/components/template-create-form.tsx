import { Plus } from 'lucide-react';
import { useRef, useState, type FormEvent } from 'react';

import type { SmsTemplateCreate, SmsTemplateRead } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { errorMessage, isApiError } from '@/lib/errors';

import { useCreateTemplate } from '../hooks/use-sms';
import { declaredVariables, PLACEHOLDER_CHOICES } from '../placeholders';

import { TemplatePreview } from './template-preview';

type FieldName = 'key' | 'title' | 'description' | 'content';
type Errors = Partial<Record<FieldName, string>>;

const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
const FIELDS: readonly FieldName[] = ['key', 'title', 'description', 'content'];

function checkLocally(values: Record<FieldName, string>): Errors {
  const errors: Errors = {};
  const key = values.key.trim();
  if (!key) errors.key = '템플릿 키를 입력해 주세요.';
  else if (key.length < 2 || key.length > 50) errors.key = '템플릿 키는 2~50자로 입력해 주세요.';
  else if (!KEY_PATTERN.test(key)) errors.key = '영문 소문자로 시작하고, 영문 소문자·숫자·밑줄(_)만 쓸 수 있습니다.';
  if (!values.title.trim()) errors.title = '이름을 입력해 주세요.';
  if (!values.content.trim()) errors.content = '내용을 입력해 주세요.';
  return errors;
}

/** "새 템플릿": key, name, description, content with placeholder buttons and the server's live preview. */
export function TemplateCreateForm({ onCreated, onCancel }: { onCreated: (template: SmsTemplateRead) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<FieldName, string>>({ key: '', title: '', description: '', content: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const contentRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  /** After a refusal, the caret goes to the first field marked invalid (once React has rendered the marks). */
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const create = useCreateTemplate();

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
  };

  /** Puts `{name}` at the caret (or over the selection) and keeps typing there. */
  const insert = (name: string) => {
    const el = contentRef.current;
    const token = `{${name}}`;
    const start = el?.selectionStart ?? values.content.length;
    const end = el?.selectionEnd ?? values.content.length;
    set('content', values.content.slice(0, start) + token + values.content.slice(end));
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const local = checkLocally(values);
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirstInvalid();
    const body: SmsTemplateCreate = {
      key: values.key.trim(),
      title: values.title.trim(),
      description: values.description.trim(),
      content: values.content,
      variables: declaredVariables(values.content),
    };
    try {
      onCreated(await create.mutateAsync(body));
    } catch (error) {
      if (!isApiError(error)) return setFormError(errorMessage(error));
      if (error.code === 'template_key_taken') {
        setErrors({ key: error.message });
        return focusFirstInvalid();
      }
      const fieldErrors: Errors = {};
      const leftovers: string[] = [];
      for (const fe of error.fieldErrors) {
        const field = FIELDS.find((f) => f === fe.field);
        if (field) fieldErrors[field] ??= fe.message;
        else leftovers.push(fe.message);
      }
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0 || leftovers.length > 0) setFormError(leftovers.join(' ') || error.message);
      focusFirstInvalid();
    }
  };

  return (
    <Card className="flex flex-col gap-4">
      <h3 className="text-xl font-bold">새 템플릿</h3>
      <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-5" aria-label="새 템플릿">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="템플릿 키" required error={errors.key} hint="영문 소문자·숫자·밑줄 (예: winter_notice)">
            {(p) => (
              <Input
                {...p}
                value={values.key}
                onChange={(e) => set('key', e.target.value)}
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                maxLength={50}
                className="font-mono"
              />
            )}
          </Field>
          <Field label="이름" required error={errors.title}>
            {(p) => <Input {...p} value={values.title} onChange={(e) => set('title', e.target.value)} maxLength={100} placeholder="예) 겨울철 안내" />}
          </Field>
        </div>
        <Field label="설명" error={errors.description}>
          {(p) => (
            <Input {...p} value={values.description} onChange={(e) => set('description', e.target.value)} maxLength={255} placeholder="언제 쓰는 문자인지" />
          )}
        </Field>
        <Field label="내용" required error={errors.content}>
          {(p) => (
            <Textarea {...p} ref={contentRef} value={values.content} onChange={(e) => set('content', e.target.value)} rows={7} placeholder="보낼 내용을 입력하세요" />
          )}
        </Field>
        <div className="flex flex-col gap-2">
          <p className="text-sm font-semibold text-slate-700" id="placeholder-help">
            변수 넣기 (누르면 커서 자리에 들어갑니다)
          </p>
          <div className="flex flex-wrap gap-2" role="group" aria-labelledby="placeholder-help">
            {PLACEHOLDER_CHOICES.map((choice) => (
              <button
                key={choice.name}
                type="button"
                onClick={() => insert(choice.name)}
                aria-label={`${choice.label} 변수 넣기`}
                className="flex min-h-12 flex-col items-start justify-center rounded-xl border-2 border-slate-200 bg-white px-3 py-1 text-left hover:border-brand-500 hover:bg-brand-50"
              >
                <span className="flex items-center gap-1 text-sm font-semibold text-slate-800">
                  <Plus className="size-3.5" aria-hidden="true" />
                  {choice.label}
                </span>
                <span className="font-mono text-xs text-slate-500">{`{${choice.name}}`}</span>
              </button>
            ))}
          </div>
        </div>
        <TemplatePreview content={values.content} variables={declaredVariables(values.content)} />
        {formError && (
          <Alert tone="error" live title="템플릿을 만들지 못했습니다">
            {formError}
          </Alert>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="outline" size="lg" onClick={onCancel}>
            취소
          </Button>
          <Button type="submit" size="lg" loading={create.isPending}>
            템플릿 만들기
          </Button>
        </div>
      </form>
    </Card>
  );
}
