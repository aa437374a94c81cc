import { useParams } from 'react-router';

import { NotFoundPage } from '@/components/layout/route-states';
import { BulkJobPage } from '@/features/sms';

export function Component() {
  const { id } = useParams();
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0) return <NotFoundPage />;
  return <BulkJobPage key={numeric} id={numeric} />;
}
