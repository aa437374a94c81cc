import { zodResolver } from '@hookform/resolvers/zod';
import { LogIn } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { errorMessage, isApiError } from '@/lib/errors';

import { useLogin } from '../api/auth';

const loginSchema = z.object({
  email: z.string().trim().min(1, '이메일을 입력해 주세요.').pipe(z.email('올바른 이메일 주소를 입력해 주세요.')),
  password: z.string().min(1, '비밀번호를 입력해 주세요.'),
});

type LoginValues = z.infer<typeof loginSchema>;

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin();
  const { register, handleSubmit, formState } = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '' },
  });
  const errors = formState.errors;
  const failure = login.error
    ? isApiError(login.error) && login.error.status === 401
      ? '이메일 또는 비밀번호가 올바르지 않습니다.'
      : errorMessage(login.error)
    : null;

  return (
    <form noValidate onSubmit={handleSubmit((v) => login.mutate(v, { onSuccess }))} className="flex flex-col gap-5">
      {failure && (
        <Alert tone="error" live>
          <p>{failure}</p>
        </Alert>
      )}
      <Field label="이메일" required error={errors.email?.message}>
        {(p) => <Input {...p} {...register('email')} type="email" autoComplete="username" autoFocus />}
      </Field>
      <Field label="비밀번호" required error={errors.password?.message}>
        {(p) => <Input {...p} {...register('password')} type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" size="lg" loading={login.isPending}>
        <LogIn className="size-5" aria-hidden="true" />
        로그인
      </Button>
    </form>
  );
}
