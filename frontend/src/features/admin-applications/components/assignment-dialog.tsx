import { MapPin, Search, Star } from 'lucide-react';
import { useId, useMemo, useState } from 'react';

import type { ApplicationDetail, AssignmentOut, AssignmentResult, PartnerRanking, SchedulePartner } from '@/client/types.gen';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/lib/cn';
import { formatAmountInput, parseAmountInput } from '@/lib/format';
import { uuid } from '@/lib/uuid';

import type { AssignmentPatch, useCreateAssignment, useUpdateAssignment } from '../api/assignment-mutations';

export const TIME_OPTIONS = ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00', '오전', '오후', '종일'] as const;

const inputCls =
  'min-h-12 w-full rounded-xl border-2 border-slate-300 bg-white px-3 text-base focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none';

interface PartnerOption {
  id: number;
  name: string;
  representative: string;
  coveredNames: string[];
  coversDistrict: boolean | null;
  active: number;
}

interface Props {
  app: ApplicationDetail;
  assignments: AssignmentOut[];
  ranking: PartnerRanking | undefined;
  partners: SchedulePartner[];
  editing: AssignmentOut | null;
  onClose: () => void;
  onResult: (result: AssignmentResult) => void;
  /** Owned by the section, which outlives this form: the form closes before the server answers. */
  create: ReturnType<typeof useCreateAssignment>;
  update: ReturnType<typeof useUpdateAssignment>;
}

/** Create or edit one assignment: partner (ranked by the unassigned services it covers), services, date, time, costs, notes. */
export function AssignmentForm({ app, assignments, ranking, partners, editing, onClose, onResult, create, update }: Props) {
  const [idempotencyKey] = useState(uuid);
  const id = useId();

  const servicesOf = useMemo(() => new Map(partners.map((p) => [p.id, new Set(p.service_codes)])), [partners]);
  const takenElsewhere = useMemo(() => {
    const set = new Set<string>();
    for (const a of assignments) if (a.status !== 'cancelled' && a.id !== editing?.id) for (const s of a.services) set.add(s.code);
    return set;
  }, [assignments, editing]);

  const options: PartnerOption[] = useMemo(() => {
    const list: PartnerOption[] = (ranking?.partners ?? []).map((p) => ({
      id: p.partner_id,
      name: p.company_name,
      representative: p.representative_name,
      coveredNames: p.covered_services.map((s) => s.name),
      coversDistrict: p.covers_district,
      active: p.active_assignments,
    }));
    if (editing && !list.some((o) => o.id === editing.partner_id)) {
      list.unshift({ id: editing.partner_id, name: editing.partner_name, representative: editing.partner_representative, coveredNames: [], coversDistrict: null, active: 0 });
    }
    return list;
  }, [ranking, editing]);

  const defaultServices = (partnerId: number | null): string[] => {
    if (partnerId === null) return [];
    const offered = servicesOf.get(partnerId);
    return app.services.filter((s) => !takenElsewhere.has(s.code) && (!offered || offered.has(s.code))).map((s) => s.code);
  };

  const [partnerId, setPartnerId] = useState<number | null>(editing?.partner_id ?? null);
  const [serviceCodes, setServiceCodes] = useState<string[]>(editing ? editing.services.map((s) => s.code) : []);
  const [date, setDate] = useState(editing?.scheduled_date ?? '');
  const [time, setTime] = useState(editing?.scheduled_time ?? '');
  const [estimated, setEstimated] = useState(formatAmountInput(String(editing?.estimated_cost ?? '')));
  const [finalCost, setFinalCost] = useState(formatAmountInput(String(editing?.final_cost ?? '')));
  const [estimateNote, setEstimateNote] = useState(editing?.estimate_note ?? '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [sendSms, setSendSms] = useState(false);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);

  const q = query.trim();
  const visible = q ? options.filter((o) => o.name.includes(q) || o.representative.includes(q)) : options;
  const offered = partnerId === null ? null : servicesOf.get(partnerId);

  const pickPartner = (pid: number) => {
    setPartnerId(pid);
    setServiceCodes(defaultServices(pid));
    setError(null);
  };

  const submit = () => {
    if (partnerId === null) return setError('협력사를 골라 주세요.');
    if (serviceCodes.length === 0) return setError('서비스를 하나 이상 골라 주세요.');
    const partner = options.find((o) => o.id === partnerId);
    const display = {
      partnerName: partner?.name ?? '',
      services: app.services.filter((s) => serviceCodes.includes(s.code)),
    };
    const callbacks = { onSuccess: onResult };
    if (editing) {
      const patch: AssignmentPatch = { version: editing.version };
      if (partnerId !== editing.partner_id) patch.partner_id = partnerId;
      const before = editing.services.map((s) => s.code).sort().join(',');
      if ([...serviceCodes].sort().join(',') !== before) patch.service_codes = serviceCodes;
      if ((date || null) !== editing.scheduled_date) patch.scheduled_date = date || null;
      if ((time || null) !== editing.scheduled_time) patch.scheduled_time = time || null;
      if (parseAmountInput(estimated) !== editing.estimated_cost) patch.estimated_cost = parseAmountInput(estimated);
      if (parseAmountInput(finalCost) !== editing.final_cost) patch.final_cost = parseAmountInput(finalCost);
      if ((estimateNote.trim() || null) !== editing.estimate_note) patch.estimate_note = estimateNote.trim() || null;
      if ((note.trim() || null) !== editing.note) patch.note = note.trim() || null;
      update.mutate({ assignmentId: editing.id, patch, display }, callbacks);
    } else {
      create.mutate(
        {
          idempotencyKey,
          display,
          values: {
            partnerId,
            serviceCodes,
            scheduledDate: date || null,
            scheduledTime: time || null,
            estimatedCost: parseAmountInput(estimated),
            finalCost: null,
            estimateNote: estimateNote.trim() || null,
            note: note.trim() || null,
            sendSms,
          },
        },
        callbacks,
      );
    }
    // Optimistic: the card is already on screen; errors come back as a toast with the rollback.
    onClose();
  };

  return (
    <div className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">
          협력사 <span className="text-sm font-normal text-slate-600">(미배정 서비스를 많이 맡을 수 있는 순)</span>
        </legend>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" aria-hidden="true" />
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="업체명 또는 대표자 검색"
            aria-label="협력사 검색"
            className={cn(inputCls, 'pl-10')}
          />
        </div>
        <ul className="flex max-h-64 flex-col gap-1.5 overflow-y-auto rounded-xl border border-slate-200 p-1.5">
          {visible.length === 0 && <li className="p-3 text-slate-600">{ranking ? '맞는 협력사가 없습니다.' : '협력사 목록을 불러오는 중…'}</li>}
          {visible.map((o) => (
            <li key={o.id}>
              <label
                className={cn(
                  'flex min-h-14 cursor-pointer items-start gap-3 rounded-lg border-2 p-2.5',
                  partnerId === o.id ? 'border-brand-600 bg-brand-50' : 'border-transparent hover:bg-slate-50',
                )}
              >
                <input type="radio" name={`${id}-partner`} checked={partnerId === o.id} onChange={() => pickPartner(o.id)} className="mt-1 size-5 accent-brand-700" />
                <span className="flex flex-1 flex-col gap-0.5">
                  <span className="flex flex-wrap items-center gap-1.5 font-semibold">
                    {o.name}
                    <span className="text-sm font-normal text-slate-600">{o.representative}</span>
                    {o.coveredNames.length > 0 && (
                      <span className="inline-flex items-center gap-0.5 rounded-full bg-amber-100 px-2 text-xs font-bold text-amber-900">
                        <Star className="size-3" aria-hidden="true" />
                        추천
                      </span>
                    )}
                    {o.coversDistrict && (
                      <span className="inline-flex items-center gap-0.5 rounded-full bg-leaf-50 px-2 text-xs font-bold text-leaf-700">
                        <MapPin className="size-3" aria-hidden="true" />
                        지역 담당
                      </span>
                    )}
                  </span>
                  <span className="text-sm text-slate-600">
                    {o.coveredNames.length > 0 ? `가능: ${o.coveredNames.join(', ')}` : '미배정 서비스 중 가능한 것 없음'} · 진행 중 {o.active}건
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset>
        <legend className="mb-1 font-semibold">서비스</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {app.services.map((s) => {
            const unavailable = !!offered && !offered.has(s.code);
            return (
              <Checkbox
                key={s.code}
                label={s.name}
                description={unavailable ? '이 협력사가 하지 않는 서비스' : takenElsewhere.has(s.code) ? '다른 배정에 포함됨' : undefined}
                disabled={unavailable}
                checked={serviceCodes.includes(s.code)}
                onChange={(e) => setServiceCodes((prev) => (e.target.checked ? [...prev, s.code] : prev.filter((c) => c !== s.code)))}
              />
            );
          })}
        </div>
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1.5 font-semibold">
          작업 날짜
          <input type="date" className={inputCls} value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1.5 font-semibold">
          시간
          <select className={inputCls} value={time} onChange={(e) => setTime(e.target.value)}>
            <option value="">미정</option>
            {TIME_OPTIONS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1.5 font-semibold">
          예상 비용 (원)
          <input inputMode="numeric" className={inputCls} value={estimated} placeholder="0" onChange={(e) => setEstimated(formatAmountInput(e.target.value))} />
        </label>
        {editing && (
          <label className="flex flex-col gap-1.5 font-semibold">
            최종 비용 (원)
            <input inputMode="numeric" className={inputCls} value={finalCost} placeholder="0" onChange={(e) => setFinalCost(formatAmountInput(e.target.value))} />
          </label>
        )}
      </div>
      <label className="flex flex-col gap-1.5 font-semibold">
        견적 메모
        <textarea className={cn(inputCls, 'min-h-20 py-2 font-normal')} maxLength={1000} value={estimateNote} onChange={(e) => setEstimateNote(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1.5 font-semibold">
        협력사 전달 메모
        <textarea className={cn(inputCls, 'min-h-20 py-2 font-normal')} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {!editing && (
        <Checkbox label="배정 안내 문자 보내기" description="고객과 협력사에 배정 안내 문자를 보냅니다." checked={sendSms} onChange={(e) => setSendSms(e.target.checked)} />
      )}
      {error && (
        <p role="alert" className="font-semibold text-red-700">
          {error}
        </p>
      )}
      <div className="sticky bottom-0 -mx-5 -mb-5 flex justify-end gap-2 border-t border-slate-200 bg-white px-5 py-3">
        <Button variant="outline" onClick={onClose}>
          닫기
        </Button>
        <Button onClick={submit}>{editing ? '저장' : '배정하기'}</Button>
      </div>
    </div>
  );
}
