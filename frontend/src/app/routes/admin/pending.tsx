import { Construction } from 'lucide-react';
import { useLocation } from 'react-router';

import { EmptyState } from '@/components/ui/empty-state';

/**
 * Screens whose admin API is not in the backend yet. They show a plain "준비 중" state — no fake data.
 */
export function Component() {
  const { pathname } = useLocation();
  return (
    <EmptyState icon={Construction} title="준비 중입니다">
      <p>이 화면은 서버 기능이 준비되는 대로 열립니다.</p>
      <p className="mt-1 text-sm text-slate-500">{pathname}</p>
    </EmptyState>
  );
}
