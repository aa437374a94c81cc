import { MapPin, X } from 'lucide-react';
import { useId, useState } from 'react';

import type { ProvinceWithDistricts } from '@/client/types.gen';
import { cn } from '@/lib/cn';

export interface WorkRegion {
  province_code: string;
  district_codes: string[];
  all_districts: boolean;
}

/** Quick presets of the core service area (official district codes). */
export const REGION_PRESETS = [
  { province_code: '41', district_code: '41830', label: '양평군' },
  { province_code: '41', district_code: '41820', label: '가평군' },
] as const;

interface RegionPickerProps {
  provinces: ProvinceWithDistricts[];
  value: WorkRegion[];
  onChange: (value: WorkRegion[]) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
}

/** Two-level work-region selector: province list, then its districts with an "전체" toggle. */
export function RegionPicker({ provinces, value, onChange, invalid, describedBy }: RegionPickerProps) {
  const [active, setActive] = useState<string>(() => value[0]?.province_code ?? provinces.find((p) => p.code === '41')?.code ?? provinces[0]?.code ?? '');
  const selectId = useId();
  const province = provinces.find((p) => p.code === active);
  const entry = value.find((r) => r.province_code === active);

  const upsert = (next: WorkRegion) => {
    const rest = value.filter((r) => r.province_code !== next.province_code);
    onChange(next.all_districts || next.district_codes.length > 0 ? [...rest, next] : rest);
  };

  const toggleAll = () => {
    if (!province) return;
    upsert({ province_code: province.code, district_codes: [], all_districts: !entry?.all_districts });
  };

  const toggleDistrict = (code: string) => {
    if (!province) return;
    const current = entry?.all_districts ? [] : (entry?.district_codes ?? []);
    const codes = current.includes(code) ? current.filter((c) => c !== code) : [...current, code];
    upsert({ province_code: province.code, district_codes: codes, all_districts: false });
  };

  const applyPreset = (provinceCode: string, districtCode: string) => {
    setActive(provinceCode);
    const existing = value.find((r) => r.province_code === provinceCode);
    if (existing?.all_districts || existing?.district_codes.includes(districtCode)) return;
    upsert({
      province_code: provinceCode,
      district_codes: [...(existing?.district_codes ?? []), districtCode],
      all_districts: false,
    });
  };

  const nameOf = (r: WorkRegion) => {
    const p = provinces.find((x) => x.code === r.province_code);
    if (!p) return [r.province_code];
    if (r.all_districts) return [`${p.short_name} 전체`];
    return r.district_codes.map((c) => `${p.short_name} ${p.districts.find((d) => d.code === c)?.name ?? c}`);
  };

  return (
    <div className="flex flex-col gap-4" aria-describedby={describedBy}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-base font-semibold text-slate-700">빠른 선택</span>
        {REGION_PRESETS.map((p) => (
          <button
            key={p.district_code}
            type="button"
            onClick={() => applyPreset(p.province_code, p.district_code)}
            className="inline-flex min-h-12 items-center gap-1.5 rounded-full border-2 border-leaf-600 px-4 font-semibold text-leaf-700 hover:bg-leaf-50"
          >
            <MapPin className="size-4" aria-hidden="true" />
            경기 {p.label}
          </button>
        ))}
      </div>

      <div className="flex flex-col gap-2">
        <label htmlFor={selectId} className="text-base font-semibold">
          시/도
        </label>
        <select
          id={selectId}
          value={active}
          onChange={(e) => setActive(e.target.value)}
          className="min-h-14 rounded-xl border-2 border-slate-300 bg-white px-4 text-lg focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
        >
          {provinces.map((p) => {
            const picked = value.find((r) => r.province_code === p.code);
            return (
              <option key={p.code} value={p.code}>
                {p.name}
                {picked ? ` (${picked.all_districts ? '전체' : `${picked.district_codes.length}곳`} 선택)` : ''}
              </option>
            );
          })}
        </select>
      </div>

      {province && (
        <fieldset className={cn('rounded-2xl border border-slate-200 p-3', invalid && 'border-red-600')}>
          <legend className="px-1 text-base font-semibold">{province.name}의 시/군/구</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
            <label
              className={cn(
                'col-span-2 flex min-h-12 cursor-pointer items-center gap-2 rounded-xl border-2 px-3 font-semibold sm:col-span-3 lg:col-span-4',
                entry?.all_districts ? 'border-brand-700 bg-brand-50' : 'border-slate-200',
              )}
            >
              <input type="checkbox" className="size-5 accent-brand-700" checked={!!entry?.all_districts} onChange={toggleAll} />
              {province.short_name} 전체
            </label>
            {province.districts.map((d) => {
              const on = !!entry && (entry.all_districts || entry.district_codes.includes(d.code));
              return (
                <label
                  key={d.code}
                  className={cn(
                    'flex min-h-12 cursor-pointer items-center gap-2 rounded-xl border-2 px-3',
                    on ? 'border-brand-700 bg-brand-50' : 'border-slate-200',
                    entry?.all_districts && 'opacity-70',
                  )}
                >
                  <input
                    type="checkbox"
                    className="size-5 accent-brand-700"
                    checked={on}
                    disabled={entry?.all_districts}
                    onChange={() => toggleDistrict(d.code)}
                  />
                  {d.name}
                </label>
              );
            })}
          </div>
        </fieldset>
      )}

      <div aria-live="polite">
        {value.length > 0 ? (
          <div className="flex flex-wrap gap-2">
            {value.flatMap((r) =>
              nameOf(r).map((label, i) => (
                <button
                  key={`${r.province_code}-${label}`}
                  type="button"
                  aria-label={`${label} 선택 해제`}
                  onClick={() => {
                    if (r.all_districts) upsert({ ...r, all_districts: false, district_codes: [] });
                    else upsert({ ...r, district_codes: r.district_codes.filter((_, j) => j !== i) });
                  }}
                  className="inline-flex min-h-10 items-center gap-1 rounded-full bg-brand-700 px-3 text-sm font-semibold text-white"
                >
                  {label}
                  <X className="size-4" aria-hidden="true" />
                </button>
              )),
            )}
          </div>
        ) : (
          <p className="text-slate-600">선택한 지역이 없습니다.</p>
        )}
      </div>
    </div>
  );
}
