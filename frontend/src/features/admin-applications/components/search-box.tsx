import { Search, X } from 'lucide-react';
import { useId, useState } from 'react';

import { Button } from '@/components/ui/button';

import { detectSearchKind, SEARCH_KIND_LABEL } from '../hooks/search-hint';
import { withRo } from '@/lib/korean';

/** One box for number, phone, last 4 digits or name; a live hint says which one it will search. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  // The URL changed elsewhere (chip removed, back button): follow it.
  if (synced !== value) {
    setSynced(value);
    setText(value);
  }
  const id = useId();
  const kind = detectSearchKind(text);
  const hint =
    kind === null
      ? '신청번호, 전화번호, 전화번호 뒤 4자리 또는 고객 이름으로 찾습니다.'
      : kind === 'unknown'
        ? '숫자는 신청번호(예: 20261128-001), 전체 전화번호, 뒤 4자리로 찾을 수 있습니다.'
        : `${withRo(SEARCH_KIND_LABEL[kind])} 찾습니다.`;
  return (
    <form
      role="search"
      className="flex flex-col gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="sr-only">
        신청 검색
      </label>
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" aria-hidden="true" />
          <input
            id={id}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="번호 · 전화 · 이름"
            aria-describedby={`${id}-hint`}
            className="min-h-12 w-full rounded-xl border-2 border-slate-300 bg-white pr-11 pl-10 text-base focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
          />
          {text && (
            <button
              type="button"
              className="absolute top-1/2 right-1.5 flex size-9 -translate-y-1/2 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100"
              aria-label="검색어 지우기"
              onClick={() => {
                setText('');
                onSearch('');
              }}
            >
              <X className="size-5" aria-hidden="true" />
            </button>
          )}
        </div>
        <Button type="submit">검색</Button>
      </div>
      <p id={`${id}-hint`} className="text-sm text-slate-600" aria-live="polite">
        {kind && kind !== 'unknown' && (
          <span className="mr-1.5 inline-flex rounded-full bg-brand-50 px-2 py-0.5 text-xs font-bold text-brand-700">
            {SEARCH_KIND_LABEL[kind]}
          </span>
        )}
        {hint}
      </p>
    </form>
  );
}
