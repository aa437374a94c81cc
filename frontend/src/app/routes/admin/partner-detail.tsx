import { useParams } from 'react-router';

import { NotFoundPage } from '@/components/layout/route-states';
import { PartnerDetailView } from '@/features/admin-partners';

export function Component() {
  const { id } = useParams();
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0) return <NotFoundPage />;
  return <PartnerDetailView key={numeric} id={numeric} />;
}
