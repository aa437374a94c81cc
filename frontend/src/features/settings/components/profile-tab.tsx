import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import type { AdminRead } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { errorMessage } from '@/lib/errors';
import { digitsOnly, formatPhone, isKoreanMobile } from '@/lib/phone';

import { useUpdateProfile } from '../api/settings-api';

const schema = z.object({
  name: z.string().trim().min(2, '이름을 2자 이상 입력해 주세요.').max(100, '이름이 너무 깁니다.'),
  phone: z.string().refine((v) => !v || isKoreanMobile(v), '휴대폰 번호를 확인해 주세요.'),
});
type Values = z.infer<typeof schema>;

export function ProfileTab({ profile }: { profile: AdminRead }) {
  const update = useUpdateProfile();
  const { register, handleSubmit, setValue, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: profile.name, phone: profile.phone ? formatPhone(profile.phone) : '' },
  });
  const submit = handleSubmit((v) => update.mutate({ name: v.name.trim(), phone: digitsOnly(v.phone) }));
  return (
    <form onSubmit={submit} className="flex max-w-lg flex-col gap-5" noValidate>
      <Field label="이메일" hint="이메일은 바꿀 수 없습니다.">
        {(p) => <Input {...p} value={profile.email} readOnly disabled />}
      </Field>
      <Field label="권한">{(p) => <Input {...p} value={profile.role === 'super_admin' ? '최고관리자' : '관리자'} readOnly disabled />}</Field>
      <Field label="이름" required error={formState.errors.name?.message}>
        {(p) => <Input {...p} {...register('name')} autoComplete="name" />}
      </Field>
      <Field label="휴대폰" error={formState.errors.phone?.message} hint="새 신청 알림 문자를 받을 번호입니다. 비우면 알림을 받지 않습니다.">
        {(p) => (
          <Input
            {...p}
            {...register('phone', { onChange: (e: { target: { value: string } }) => setValue('phone', formatPhone(e.target.value)) })}
            inputMode="tel"
            autoComplete="tel"
          />
        )}
      </Field>
      {update.isSuccess && (
        <Alert tone="success" live>
          저장했습니다.
        </Alert>
      )}
      {update.isError && (
        <Alert tone="error" live>
          {errorMessage(update.error)}
        </Alert>
      )}
      <Button type="submit" className="self-start" loading={update.isPending}>
        저장
      </Button>
    </form>
  );
}
