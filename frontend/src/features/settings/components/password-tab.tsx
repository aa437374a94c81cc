import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { errorMessage } from '@/lib/errors';

import { useChangePassword } from '../api/settings-api';

const schema = z
  .object({
    current_password: z.string().min(1, '지금 비밀번호를 입력해 주세요.'),
    new_password: z.string().min(8, '새 비밀번호는 8자 이상이어야 합니다.').max(128, '비밀번호가 너무 깁니다.'),
    confirm: z.string(),
  })
  .refine((v) => v.new_password === v.confirm, { path: ['confirm'], message: '새 비밀번호가 서로 다릅니다.' })
  .refine((v) => v.new_password !== v.current_password, { path: ['new_password'], message: '지금과 다른 비밀번호를 정해 주세요.' });
type Values = z.infer<typeof schema>;

export function PasswordTab() {
  const change = useChangePassword();
  const { register, handleSubmit, reset, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { current_password: '', new_password: '', confirm: '' },
  });
  const submit = handleSubmit((v) =>
    change.mutate({ current_password: v.current_password, new_password: v.new_password }, { onSuccess: () => reset() }),
  );
  const e = formState.errors;
  return (
    <form onSubmit={submit} className="flex max-w-lg flex-col gap-5" noValidate>
      <Field label="지금 비밀번호" required error={e.current_password?.message}>
        {(p) => <Input {...p} {...register('current_password')} type="password" autoComplete="current-password" />}
      </Field>
      <Field label="새 비밀번호" required error={e.new_password?.message} hint="8자 이상">
        {(p) => <Input {...p} {...register('new_password')} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="새 비밀번호 확인" required error={e.confirm?.message}>
        {(p) => <Input {...p} {...register('confirm')} type="password" autoComplete="new-password" />}
      </Field>
      {change.isSuccess && (
        <Alert tone="success" live>
          비밀번호를 바꿨습니다. 다른 기기의 로그인은 끝났습니다.
        </Alert>
      )}
      {change.isError && (
        <Alert tone="error" live>
          {errorMessage(change.error)}
        </Alert>
      )}
      <Button type="submit" className="self-start" loading={change.isPending}>
        비밀번호 바꾸기
      </Button>
    </form>
  );
}
