import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';

import type { ApplicationSubmitted, ProvinceWithDistricts, CategoryWithServices } from '@/client/types.gen';
import { serviceNames, ServicePicker } from '@/components/catalog';
import { Checkbox } from '@/components/ui/checkbox';
import { Field, FieldErrorText } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { nextOrSubmit, reportSubmitFailure, ReviewRow, ReviewSection, useWizard, Wizard } from '@/components/wizard';
import { formatKoreanDate, todayInSeoul } from '@/lib/dates';
import { formatPhone } from '@/lib/phone';
import { uuid } from '@/lib/uuid';
import { Link } from 'react-router';

import { useCreateApplication } from '../api/create-application';
import {
  APPLY_DEFAULTS,
  APPLY_STEPS,
  applySchema,
  MAX_PHOTOS,
  STEP_FIELDS,
  stepOfField,
  type ApplyField,
  type ApplyFormValues,
} from '../schema';

import { ApplySuccess } from './apply-success';
import { PhotoPicker, type PickedPhoto } from './photo-picker';

const STEP_TEXT = [
  { title: '어떤 서비스가 필요하세요?', description: '필요한 서비스를 모두 골라 주세요. 여러 개를 함께 선택할 수 있습니다.' },
  { title: '연락처와 주소를 알려 주세요', description: '상담 전화를 드릴 연락처와 작업할 곳의 주소입니다.' },
  { title: '요청 내용을 적어 주세요', description: '자세히 적어 주실수록 정확한 견적을 받으실 수 있습니다.' },
  { title: '입력하신 내용을 확인해 주세요', description: '고칠 내용이 있으면 "수정"을 눌러 주세요.' },
] as const;

const DESCRIPTION_PLACEHOLDER = `예시)
· 작업 내용: 마당 잔디와 잡초 제거
· 면적: 약 100평
· 차량 진입: 1톤 트럭 가능
· 기타: 평일 오전 작업 희망`;

interface ApplyWizardProps {
  categories: CategoryWithServices[];
  /** Optional: the address stays free text if regions could not be loaded. */
  provinces: ProvinceWithDistricts[] | undefined;
}

export function ApplyWizard({ categories, provinces }: ApplyWizardProps) {
  const wizard = useWizard(APPLY_STEPS.length);
  const { step } = wizard;
  const form = useForm<ApplyFormValues>({
    resolver: zodResolver(applySchema),
    defaultValues: APPLY_DEFAULTS,
    mode: 'onTouched',
  });
  const { register, control, formState, trigger, handleSubmit, setError, setFocus, getValues, setValue, watch } = form;
  const errors = formState.errors;
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<ApplicationSubmitted | null>(null);
  const [region, setRegion] = useState<{ prefix: string; districtCode: string } | null>(null);
  // One key per wizard session; kept across retries so a lost response is never submitted twice.
  const [idempotencyKey, setIdempotencyKey] = useState(uuid);
  const mutation = useCreateApplication();
  const names = serviceNames({ categories });

  if (result) return <ApplySuccess result={result} />;

  const focusFirstError = (fields: readonly ApplyField[]) => {
    const errs = form.formState.errors;
    const first = fields.find((f) => errs[f]);
    if (first && first !== 'selected_services') setFocus(first);
  };

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setPhotoError(null);
    try {
      // The picked district is sent only while the address still starts with it.
      const districtCode = region && values.address.trim().startsWith(region.prefix) ? region.districtCode : null;
      const created = await mutation.mutateAsync({ values, photos: photos.map((p) => p.file), idempotencyKey, districtCode });
      setResult(created);
      window.scrollTo({ top: 0 });
    } catch (error) {
      reportSubmitFailure(error, {
        stepOfField,
        setFieldError: (field, message) => {
          if (field === 'photos') setPhotoError(message);
          else setError(field as ApplyField, { type: 'server', message });
        },
        goTo: wizard.goTo,
        setFormError,
        renewIdempotencyKey: () => setIdempotencyKey(uuid()),
      });
    }
  });

  const onNext = () => {
    const fields = STEP_FIELDS[step] ?? [];
    return nextOrSubmit({
      isLast: wizard.isLast,
      submit,
      validate: () => trigger(fields as ApplyField[]),
      next: wizard.next,
      clearFormError: () => setFormError(null),
      focusFirstError: () => focusFirstError(fields),
    });
  };

  const today = todayInSeoul();
  const values = watch();

  return (
    <Wizard
      wizard={wizard}
      title="견적 요청"
      steps={APPLY_STEPS}
      stepText={STEP_TEXT}
      onNext={onNext}
      submitLabel="견적 요청하기"
      submitting={mutation.isPending}
      error={formError}
    >

        {step === 0 && (
          <Controller
            control={control}
            name="selected_services"
            render={({ field, fieldState }) => (
              <div className="flex flex-col gap-3">
                <FieldErrorText id="selected-services-error" message={fieldState.error?.message} />
                <ServicePicker
                  categories={categories}
                  value={field.value}
                  onChange={field.onChange}
                  invalid={!!fieldState.error}
                  describedBy={fieldState.error ? 'selected-services-error' : undefined}
                />
              </div>
            )}
          />
        )}

        {step === 1 && (
          <>
            <Field label="이름" required error={errors.customer_name?.message}>
              {(p) => <Input {...p} {...register('customer_name')} autoComplete="name" placeholder="홍길동" />}
            </Field>
            <Controller
              control={control}
              name="customer_phone"
              render={({ field, fieldState }) => (
                <Field label="연락처" required error={fieldState.error?.message} hint="상담 전화와 진행 안내 문자를 받으실 번호입니다.">
                  {(p) => (
                    <Input
                      {...p}
                      ref={field.ref}
                      name={field.name}
                      value={field.value}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(formatPhone(e.target.value))}
                      type="tel"
                      inputMode="numeric"
                      autoComplete="tel"
                      placeholder="010-1234-5678"
                    />
                  )}
                </Field>
              )}
            />
            {provinces && provinces.length > 0 && (
              <RegionQuickFill
                provinces={provinces}
                onPick={(prefix, previous, districtCode) => {
                  setRegion({ prefix, districtCode });
                  const current = getValues('address');
                  const rest = previous && current.startsWith(previous) ? current.slice(previous.length).trimStart() : current;
                  setValue('address', `${prefix} ${rest}`.trimEnd() + (rest ? '' : ' '), { shouldValidate: formState.isSubmitted });
                  setFocus('address');
                }}
              />
            )}
            <Field
              label="주소"
              required
              error={errors.address?.message}
              hint="도로명이나 지번 주소를 적어 주세요. 위에서 지역을 고르면 앞부분이 채워집니다."
            >
              {(p) => <Input {...p} {...register('address')} autoComplete="street-address" placeholder="경기도 양평군 서종면 ○○로 123" />}
            </Field>
            <Field label="상세 주소" error={errors.address_detail?.message}>
              {(p) => <Input {...p} {...register('address_detail')} placeholder="동·호수, 건물 이름, 찾아오는 길 등" />}
            </Field>
          </>
        )}

        {step === 2 && (
          <>
            <Field
              label="요청 내용"
              required
              error={errors.description?.message}
              aside={<span className="text-sm text-slate-600">{values.description.length} / 1000자</span>}
            >
              {(p) => <Textarea {...p} {...register('description')} rows={7} maxLength={1000} placeholder={DESCRIPTION_PLACEHOLDER} />}
            </Field>
            <div className="grid gap-6 sm:grid-cols-2">
              <Field label="희망 상담일" error={errors.preferred_consultation_date?.message}>
                {(p) => <Input {...p} {...register('preferred_consultation_date')} type="date" min={today} />}
              </Field>
              <Field label="희망 작업일" error={errors.preferred_work_date?.message}>
                {(p) => <Input {...p} {...register('preferred_work_date')} type="date" min={today} />}
              </Field>
            </div>
            <PhotoPicker value={photos} onChange={(next) => { setPhotos(next); setPhotoError(null); }} max={MAX_PHOTOS} error={photoError} />
          </>
        )}

        {step === 3 && (
          <>
            <ReviewSection title="선택한 서비스" onEdit={() => wizard.goTo(0)}>
              <ReviewRow label="서비스">{values.selected_services.map((c) => names.get(c) ?? c).join(', ')}</ReviewRow>
            </ReviewSection>
            <ReviewSection title="연락처·주소" onEdit={() => wizard.goTo(1)}>
              <ReviewRow label="이름">{values.customer_name}</ReviewRow>
              <ReviewRow label="연락처">{values.customer_phone}</ReviewRow>
              <ReviewRow label="주소">{[values.address, values.address_detail].filter(Boolean).join(' ')}</ReviewRow>
            </ReviewSection>
            <ReviewSection title="요청 내용" onEdit={() => wizard.goTo(2)}>
              <ReviewRow label="내용">{values.description}</ReviewRow>
              <ReviewRow label="희망 상담일">{values.preferred_consultation_date ? formatKoreanDate(values.preferred_consultation_date) : ''}</ReviewRow>
              <ReviewRow label="희망 작업일">{values.preferred_work_date ? formatKoreanDate(values.preferred_work_date) : ''}</ReviewRow>
              <ReviewRow label="사진">{photos.length ? `${photos.length}장` : ''}</ReviewRow>
            </ReviewSection>
            <section className="rounded-2xl border-2 border-slate-300 bg-white p-5">
              <h2 className="mb-2 text-lg font-bold">개인정보 수집·이용 동의</h2>
              <ul className="mb-3 list-disc pl-5 text-base text-slate-700">
                <li>수집 항목: 이름, 연락처, 주소, 요청 내용, 사진</li>
                <li>이용 목적: 견적 상담, 서비스 제공, 진행 안내 문자 발송</li>
                <li>보유 기간: 서비스 완료 후 3년</li>
              </ul>
              <p className="mb-3 text-sm text-slate-600">
                동의하지 않으실 수 있으나, 이 경우 견적 요청을 접수할 수 없습니다.{' '}
                <Link to="/privacy" target="_blank" className="font-semibold text-brand-700 underline">
                  개인정보처리방침 보기
                </Link>
              </p>
              <Checkbox
                {...register('privacy_consent')}
                label="개인정보 수집·이용에 동의합니다. (필수)"
                aria-invalid={errors.privacy_consent ? true : undefined}
                aria-describedby={errors.privacy_consent ? 'privacy-consent-error' : undefined}
              />
              <FieldErrorText id="privacy-consent-error" message={errors.privacy_consent?.message} />
            </section>
          </>
        )}
    </Wizard>
  );
}

/** Province/district selects that fill the beginning of the free-text address (no online postcode widget). */
function RegionQuickFill({
  provinces,
  onPick,
}: {
  provinces: ProvinceWithDistricts[];
  onPick: (prefix: string, previousPrefix: string | null, districtCode: string) => void;
}) {
  const [provinceCode, setProvinceCode] = useState('');
  const [districtCode, setDistrictCode] = useState('');
  const [lastPrefix, setLastPrefix] = useState<string | null>(null);
  const province = provinces.find((p) => p.code === provinceCode);
  return (
    <fieldset className="flex flex-col gap-3 rounded-2xl bg-white p-4 ring-1 ring-slate-200">
      <legend className="sr-only">지역 선택</legend>
      <p className="text-base font-semibold">지역 선택으로 빠르게 입력</p>
      <div className="grid grid-cols-2 gap-2">
        <Select
          aria-label="시/도"
          value={provinceCode}
          onChange={(e) => {
            setProvinceCode(e.target.value);
            setDistrictCode('');
          }}
        >
          <option value="">시/도</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select
          aria-label="시/군/구"
          value={districtCode}
          disabled={!province}
          onChange={(e) => {
            const d = province?.districts.find((x) => x.code === e.target.value);
            setDistrictCode(e.target.value);
            if (province && d) {
              const prefix = `${province.name} ${d.name}`;
              onPick(prefix, lastPrefix, d.code);
              setLastPrefix(prefix);
            }
          }}
        >
          <option value="">시/군/구</option>
          {province?.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </Select>
      </div>
    </fieldset>
  );
}
