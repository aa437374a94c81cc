import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';

import { renderWithProviders } from '@/testing/render';

import { distributeFieldErrors } from './field-errors';
import { useWizard } from './use-wizard';
import { Wizard } from './wizard';

const STEPS = ['이름', '전화', '확인'] as const;
const TEXT = [
  { title: '이름을 알려 주세요', description: '실명으로 적어 주세요.' },
  { title: '전화번호를 알려 주세요' },
  { title: '확인해 주세요' },
];

/** A three-step form on the shared frame: step 1 refuses an empty name, the last step submits. */
function Demo({ onSubmit }: { onSubmit: (name: string) => void }) {
  const wizard = useWizard(STEPS.length);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onNext = () => {
    if (wizard.step === 0 && !name.trim()) return setError('이름을 입력해 주세요.');
    setError(null);
    if (wizard.isLast) onSubmit(name);
    else wizard.next();
  };
  return (
    <Wizard wizard={wizard} title="테스트 신청" steps={STEPS} stepText={TEXT} onNext={onNext} submitLabel="신청하기" error={error}>
      {wizard.step === 0 && (
        <label>
          이름
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      )}
      {wizard.step === 1 && <p>전화 단계</p>}
      {wizard.step === 2 && <p>확인 단계: {name}</p>}
    </Wizard>
  );
}

describe('Wizard', () => {
  it('moves step by step, shows progress, and puts focus on the new step heading', async () => {
    const submitted: string[] = [];
    const { user } = renderWithProviders(<Demo onSubmit={(n) => submitted.push(n)} />);
    expect(screen.getByRole('heading', { level: 1, name: '이름을 알려 주세요' })).toBeInTheDocument();
    expect(screen.getByText('실명으로 적어 주세요.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '진행 단계' })).toHaveAttribute('aria-valuenow', '1');
    // No way back from the first step.
    expect(screen.queryByRole('button', { name: '이전' })).not.toBeInTheDocument();

    // The step's own check keeps the admin on the step, with the form-level error announced.
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(screen.getByRole('alert')).toHaveTextContent('이름을 입력해 주세요.');
    expect(screen.getByRole('heading', { level: 1, name: '이름을 알려 주세요' })).toBeInTheDocument();

    // Enter in a field means "다음".
    await user.type(screen.getByLabelText('이름'), '홍길동{Enter}');
    const second = await screen.findByRole('heading', { level: 1, name: '전화번호를 알려 주세요' });
    await waitFor(() => expect(second).toHaveFocus());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '진행 단계' })).toHaveAttribute('aria-valuenow', '2');

    await user.click(screen.getByRole('button', { name: '이전' }));
    const first = await screen.findByRole('heading', { level: 1, name: '이름을 알려 주세요' });
    await waitFor(() => expect(first).toHaveFocus());
    expect(screen.getByLabelText('이름')).toHaveValue('홍길동');

    await user.click(screen.getByRole('button', { name: '다음' }));
    await user.click(await screen.findByRole('button', { name: '다음' }));
    const last = await screen.findByRole('heading', { level: 1, name: '확인해 주세요' });
    await waitFor(() => expect(last).toHaveFocus());
    expect(screen.queryByRole('button', { name: '다음' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '신청하기' }));
    expect(submitted).toEqual(['홍길동']);
  });
});

describe('distributeFieldErrors', () => {
  it('assigns known fields, names the earliest step, and keeps the rest as leftovers', () => {
    const assigned: [string, string][] = [];
    const stepOf = (field: string) => ({ name: 1, phone: 2, regions: 0 })[field] ?? null;
    const result = distributeFieldErrors(
      [
        { field: 'phone', message: '전화번호 오류' },
        { field: 'regions.0.district_codes', message: '지역 오류' },
        { field: 'unknown', message: '기타 오류' },
      ],
      stepOf,
      (field, message) => assigned.push([field, message]),
    );
    expect(result).toEqual({ step: 0, leftovers: ['기타 오류'] });
    expect(assigned).toEqual([
      ['phone', '전화번호 오류'],
      ['regions', '지역 오류'],
    ]);
    expect(distributeFieldErrors([], stepOf, () => undefined)).toEqual({ step: null, leftovers: [] });
  });
});
