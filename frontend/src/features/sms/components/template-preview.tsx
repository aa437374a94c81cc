import { useQuery } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import { Spinner } from '@/components/ui/spinner';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { errorMessage } from '@/lib/errors';

import { smsQueries } from '../api/sms-queries';
import { sampleValues } from '../placeholders';

/** The server's rendering of a template text with sample values and the company prefix, asked once typing pauses. */
export function TemplatePreview({ content, variables }: { content: string; variables: readonly string[] }) {
  const settled = useDebouncedValue(content, 400);
  const preview = useQuery({
    ...smsQueries.preview({ content: settled, variables: sampleValues(variables) }),
    enabled: settled.trim().length > 0,
  });
  if (!settled.trim()) return null;
  if (preview.isError) return <p className="text-red-700">{errorMessage(preview.error)}</p>;
  const p = preview.data;
  if (!p) return <Spinner />;
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-slate-50 p-3" aria-live="polite" aria-label="미리보기">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-slate-700">미리보기</span>
        <Badge tone={p.message_type === 'SMS' ? 'success' : 'info'}>{p.message_type}</Badge>
        <span className="text-slate-700" data-testid="preview-bytes">
          {p.byte_length.toLocaleString()}바이트
        </span>
      </div>
      <p className="break-words whitespace-pre-wrap">{p.preview}</p>
      {p.unsupported_characters.length > 0 && (
        <p className="flex items-start gap-1.5 text-sm font-medium text-amber-900">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          보낼 수 없는 글자: {p.unsupported_characters.join(' ')}
        </p>
      )}
    </div>
  );
}
