import { zodResolver } from '@hookform/resolvers/zod';
import { FileText, Upload, X } from 'lucide-react';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link } from 'react-router';

import type { PartnerRegistered, ProvinceWithDistricts, CategoryWithServices } from '@/client/types.gen';
import { RegionPicker, serviceNames, ServicePicker } from '@/components/catalog';
import { Checkbox } from '@/components/ui/checkbox';
import { Field, FieldErrorText } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { nextOrSubmit, reportSubmitFailure, ReviewRow, ReviewSection, useWizard, Wizard } from '@/components/wizard';
import { formatBusinessNumber } from '@/lib/business-number';
import { formatPhone } from '@/lib/phone';
import { uuid } from '@/lib/uuid';

import { useCreatePartner } from '../api/create-partner';
import {
  checkRegistrationFile,
  PARTNER_DEFAULTS,
  PARTNER_STEPS,
  partnerSchema,
  STEP_FIELDS,
  stepOfField,
  type PartnerField,
  type PartnerFormValues,
} from '../schema';

import { PartnerSuccess } from './partner-success';

const STEP_TEXT = [
  { title: '어떤 작업을 하시나요?', description: '제공할 수 있는 서비스를 모두 골라 주세요.' },
  { title: '업체 정보를 알려 주세요', description: '개인 사업자나 프리랜서도 신청하실 수 있습니다.' },
  { title: '연락처와 작업 지역', description: '작업 요청을 연결해 드릴 연락처와 다니실 수 있는 지역입니다.' },
  { title: '업체 소개', description: '경력과 강점을 적어 주시면 심사와 작업 연결에 도움이 됩니다.' },
  { title: '입력하신 내용을 확인해 주세요', description: '고칠 내용이 있으면 "수정"을 눌러 주세요.' },
] as const;

interface PartnerWizardProps {
  categories: CategoryWithServices[];
  provinces: ProvinceWithDistricts[];
}

export function PartnerWizard({ categories, provinces }: PartnerWizardProps) {
  const wizard = useWizard(PARTNER_STEPS.length);
  const { step } = wizard;
  const form = useForm<PartnerFormValues>({
    resolver: zodResolver(partnerSchema),
    defaultValues: PARTNER_DEFAULTS,
    mode: 'onTouched',
  });
  const { register, control, formState, trigger, handleSubmit, setError, setFocus, watch } = form;
  const errors = formState.errors;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<PartnerRegistered | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(uuid);
  const mutation = useCreatePartner();
  const fileInputId = useId();

  if (result) return <PartnerSuccess result={result} />;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await mutation.mutateAsync({ values, file, idempotencyKey });
      setResult(created);
      window.scrollTo({ top: 0 });
    } catch (error) {
      reportSubmitFailure(error, {
        stepOfField,
        setFieldError: (field, message) => {
          if (field === 'business_registration_file') setFileError(message);
          else setError(field as PartnerField, { type: 'server', message });
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
      validate: () => trigger(fields as PartnerField[]),
      next: wizard.next,
      clearFormError: () => setFormError(null),
      focusFirstError: () => {
        const first = fields.find((f) => form.formState.errors[f]);
        if (first && first !== 'service_codes' && first !== 'work_regions') setFocus(first);
      },
    });
  };

  const values = watch();
  const names = serviceNames({ categories });
  const regionLabel = values.work_regions
    .map((r) => {
      const p = provinces.find((x) => x.code === r.province_code);
      if (!p) return r.province_code;
      if (r.all_districts) return `${p.name} 전체`;
      return `${p.short_name} ${r.district_codes.map((c) => p.districts.find((d) => d.code === c)?.name ?? c).join(', ')}`;
    })
    .join(' / ');

  return (
    <Wizard
      wizard={wizard}
      title="협력사 신청"
      steps={PARTNER_STEPS}
      stepText={STEP_TEXT}
      onNext={onNext}
      submitLabel="협력사 신청하기"
      submitting={mutation.isPending}
      error={formError}
    >

        {step === 0 && (
          <Controller
            control={control}
            name="service_codes"
            render={({ field, fieldState }) => (
              <div className="flex flex-col gap-3">
                <FieldErrorText id="service-codes-error" message={fieldState.error?.message} />
                <ServicePicker
                  categories={categories}
                  value={field.value}
                  onChange={field.onChange}
                  allowUnbookable
                  invalid={!!fieldState.error}
                  describedBy={fieldState.error ? 'service-codes-error' : undefined}
                />
              </div>
            )}
          />
        )}

        {step === 1 && (
          <>
            <Field label="업체명" required error={errors.company_name?.message} hint="상호가 없으시면 성함을 적어 주세요.">
              {(p) => <Input {...p} {...register('company_name')} autoComplete="organization" placeholder="○○조경" />}
            </Field>
            <Field label="대표자 이름" required error={errors.representative_name?.message}>
              {(p) => <Input {...p} {...register('representative_name')} autoComplete="name" placeholder="홍길동" />}
            </Field>
            <Controller
              control={control}
              name="business_number"
              render={({ field, fieldState }) => (
                <Field label="사업자등록번호" error={fieldState.error?.message} hint="숫자 10자리 (하이픈은 자동으로 들어갑니다)">
                  {(p) => (
                    <Input
                      {...p}
                      ref={field.ref}
                      name={field.name}
                      value={field.value}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(formatBusinessNumber(e.target.value))}
                      inputMode="numeric"
                      placeholder="000-00-00000"
                    />
                  )}
                </Field>
              )}
            />
          </>
        )}

        {step === 2 && (
          <>
            <Controller
              control={control}
              name="contact_phone"
              render={({ field, fieldState }) => (
                <Field label="연락처" required error={fieldState.error?.message} hint="심사 결과와 작업 요청을 문자로 받으실 번호입니다.">
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
            <Field label="이메일" error={errors.contact_email?.message}>
              {(p) => <Input {...p} {...register('contact_email')} type="email" autoComplete="email" placeholder="partner@example.com" />}
            </Field>
            <Field label="사업장 주소" required error={errors.address?.message}>
              {(p) => <Input {...p} {...register('address')} autoComplete="street-address" placeholder="경기도 가평군 가평읍 ○○로 45" />}
            </Field>
            <Field label="상세 주소" error={errors.address_detail?.message}>
              {(p) => <Input {...p} {...register('address_detail')} placeholder="건물 이름, 층, 호수" />}
            </Field>
            <Controller
              control={control}
              name="work_regions"
              render={({ field, fieldState }) => (
                <fieldset className="flex flex-col gap-3">
                  <legend className="mb-2 text-base font-semibold">
                    작업 가능 지역
                    <span className="ml-1 text-red-700" aria-hidden="true">
                      *
                    </span>
                  </legend>
                  <FieldErrorText id="work-regions-error" message={fieldState.error?.message} />
                  <RegionPicker
                    provinces={provinces}
                    value={field.value}
                    onChange={field.onChange}
                    invalid={!!fieldState.error}
                    describedBy={fieldState.error ? 'work-regions-error' : undefined}
                  />
                </fieldset>
              )}
            />
          </>
        )}

        {step === 3 && (
          <>
            {(['introduction', 'experience', 'remarks'] as const).map((name) => {
              const meta = {
                introduction: { label: '업체 소개', placeholder: '주요 작업, 보유 장비, 강점 등을 적어 주세요.' },
                experience: { label: '경력', placeholder: '예) 조경 시공 10년, 전원주택 데크 시공 50건 이상' },
                remarks: { label: '기타 사항', placeholder: '작업 가능 요일, 자격증 등' },
              }[name];
              return (
                <Field
                  key={name}
                  label={meta.label}
                  error={errors[name]?.message}
                  aside={<span className="text-sm text-slate-600">{values[name].length} / 500자</span>}
                >
                  {(p) => <Textarea {...p} {...register(name)} rows={4} maxLength={500} placeholder={meta.placeholder} className="min-h-28" />}
                </Field>
              );
            })}
            <div className="flex flex-col gap-2">
              <p className="text-base font-semibold">
                사업자등록증 <span className="text-sm font-normal text-slate-500">(선택)</span>
              </p>
              <p className="text-sm text-slate-600">PDF, JPG, PNG · 10MB 이하</p>
              {file ? (
                <div className="flex min-h-14 items-center gap-3 rounded-xl border-2 border-slate-300 bg-white px-4">
                  <FileText className="size-6 text-brand-700" aria-hidden="true" />
                  <span className="flex-1 truncate">{file.name}</span>
                  <button
                    type="button"
                    onClick={() => setFile(null)}
                    className="flex size-12 items-center justify-center rounded-lg hover:bg-slate-100"
                    aria-label="첨부 파일 삭제"
                  >
                    <X className="size-5" aria-hidden="true" />
                  </button>
                </div>
              ) : (
                <label
                  htmlFor={fileInputId}
                  className="flex min-h-14 cursor-pointer items-center justify-center gap-2 rounded-xl border-2 border-dashed border-slate-400 bg-white font-semibold text-slate-700 hover:border-brand-500 focus-within:ring-4 focus-within:ring-brand-100"
                >
                  <Upload className="size-5" aria-hidden="true" />
                  파일 선택
                  <input
                    id={fileInputId}
                    type="file"
                    accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    className="sr-only"
                    aria-describedby={fileError ? 'registration-file-error' : undefined}
                    onChange={(e) => {
                      const picked = e.target.files?.[0];
                      e.target.value = '';
                      if (!picked) return;
                      const problem = checkRegistrationFile(picked);
                      setFileError(problem);
                      if (!problem) setFile(picked);
                    }}
                  />
                </label>
              )}
              <FieldErrorText id="registration-file-error" message={fileError ?? undefined} />
            </div>
          </>
        )}

        {step === 4 && (
          <>
            <ReviewSection title="서비스" onEdit={() => wizard.goTo(0)}>
              <ReviewRow label="서비스">{values.service_codes.map((c) => names.get(c) ?? c).join(', ')}</ReviewRow>
            </ReviewSection>
            <ReviewSection title="업체 정보" onEdit={() => wizard.goTo(1)}>
              <ReviewRow label="업체명">{values.company_name}</ReviewRow>
              <ReviewRow label="대표자">{values.representative_name}</ReviewRow>
              <ReviewRow label="사업자번호">{values.business_number}</ReviewRow>
            </ReviewSection>
            <ReviewSection title="연락처·지역" onEdit={() => wizard.goTo(2)}>
              <ReviewRow label="연락처">{values.contact_phone}</ReviewRow>
              <ReviewRow label="이메일">{values.contact_email}</ReviewRow>
              <ReviewRow label="주소">{[values.address, values.address_detail].filter(Boolean).join(' ')}</ReviewRow>
              <ReviewRow label="작업 지역">{regionLabel}</ReviewRow>
            </ReviewSection>
            <ReviewSection title="업체 소개" onEdit={() => wizard.goTo(3)}>
              <ReviewRow label="소개">{values.introduction}</ReviewRow>
              <ReviewRow label="경력">{values.experience}</ReviewRow>
              <ReviewRow label="기타">{values.remarks}</ReviewRow>
              <ReviewRow label="사업자등록증">{file?.name ?? ''}</ReviewRow>
            </ReviewSection>
            <section className="flex flex-col gap-2 rounded-2xl border-2 border-slate-300 bg-white p-5">
              <h2 className="text-lg font-bold">동의</h2>
              <p className="text-sm text-slate-600">
                수집 항목: 업체명, 대표자, 연락처, 이메일, 주소, 활동 지역, 사업자 정보 · 보유 기간: 협력 관계 종료 후 3년 ·{' '}
                <Link to="/privacy" target="_blank" className="font-semibold text-brand-700 underline">
                  개인정보처리방침
                </Link>{' '}
                ·{' '}
                <Link to="/terms" target="_blank" className="font-semibold text-brand-700 underline">
                  이용약관
                </Link>
              </p>
              <Checkbox
                {...register('privacy_consent')}
                label="개인정보 수집·이용에 동의합니다. (필수)"
                aria-invalid={errors.privacy_consent ? true : undefined}
                aria-describedby={errors.privacy_consent ? 'privacy-consent-error' : undefined}
              />
              <FieldErrorText id="privacy-consent-error" message={errors.privacy_consent?.message} />
              <Checkbox
                {...register('terms_consent')}
                label="협력사 이용약관에 동의합니다. (필수)"
                description="작업 연결, 정산, 품질 관리에 관한 약관입니다."
                aria-invalid={errors.terms_consent ? true : undefined}
                aria-describedby={errors.terms_consent ? 'terms-consent-error' : undefined}
              />
              <FieldErrorText id="terms-consent-error" message={errors.terms_consent?.message} />
            </section>
          </>
        )}
    </Wizard>
  );
}
