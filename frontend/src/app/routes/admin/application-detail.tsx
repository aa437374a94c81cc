import { useParams } from 'react-router';

import { NotFoundPage } from '@/components/layout/route-states';
import { ApplicationDetailView } from '@/features/admin-applications';

export function Component() {
  const { id } = useParams();
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0) return <NotFoundPage />;
  // Keyed by id: moving to another application starts with fresh local state.
  return <ApplicationDetailView key={numeric} id={numeric} />;
}
