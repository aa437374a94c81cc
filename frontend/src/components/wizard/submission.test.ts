import { ApiError } from '@/lib/errors';

import { FIELD_ERRORS_MESSAGE } from './field-errors';
import { nextOrSubmit, reportSubmitFailure, type SubmitFailure } from './submission';

function handlers(): SubmitFailure & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    stepOfField: (field) => ({ customer_phone: 1, description: 2 })[field] ?? null,
    setFieldError: (field, message) => calls.push(`field ${field}: ${message}`),
    goTo: (step) => calls.push(`goTo ${step}`),
    setFormError: (message) => calls.push(`form: ${message}`),
    renewIdempotencyKey: () => calls.push('renew key'),
  };
}

describe('reportSubmitFailure', () => {
  it('puts field errors on their fields, goes to the earliest step and renews the key of a definite rejection', () => {
    const on = handlers();
    const details = [
      { field: 'description', message: '너무 짧습니다.' },
      { field: 'customer_phone', message: '번호를 확인해 주세요.' },
    ];
    reportSubmitFailure(new ApiError({ status: 422, code: 'validation_error', message: '입력값 오류', details }), on);
    expect(on.calls).toEqual([
      'renew key',
      'field description: 너무 짧습니다.',
      'field customer_phone: 번호를 확인해 주세요.',
      `form: ${FIELD_ERRORS_MESSAGE}`,
      'goTo 1',
    ]);
  });

  it('keeps the key after a 429 and says how long to wait', () => {
    const on = handlers();
    reportSubmitFailure(new ApiError({ status: 429, code: 'rate_limited', message: '잠시 후 다시 시도해 주세요.', retryAfter: 30 }), on);
    expect(on.calls).toEqual(['form: 잠시 후 다시 시도해 주세요. (30초 후 다시 시도)']);
  });

  it('keeps the key after a server error or a lost answer', () => {
    const on = handlers();
    reportSubmitFailure(new ApiError({ status: 503, code: 'unavailable', message: '일시적인 오류입니다.' }), on);
    reportSubmitFailure(new TypeError('Failed to fetch'), on);
    expect(on.calls.filter((c) => c === 'renew key')).toEqual([]);
    expect(on.calls[0]).toBe('form: 일시적인 오류입니다.');
  });
});

describe('nextOrSubmit', () => {
  const base = () => {
    const calls: string[] = [];
    return {
      calls,
      submit: async () => void calls.push('submit'),
      next: () => calls.push('next'),
      clearFormError: () => calls.push('clear'),
      focusFirstError: () => calls.push('focus'),
    };
  };

  it('moves on when the step is valid, focuses the first error when not, submits on the last step', async () => {
    const ok = base();
    await nextOrSubmit({ ...ok, isLast: false, validate: async () => true });
    expect(ok.calls).toEqual(['clear', 'next']);
    const bad = base();
    await nextOrSubmit({ ...bad, isLast: false, validate: async () => false });
    expect(bad.calls).toEqual(['focus']);
    const last = base();
    await nextOrSubmit({ ...last, isLast: true, validate: async () => false });
    expect(last.calls).toEqual(['submit']);
  });
});
