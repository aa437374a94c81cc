import { BulkJobsPage } from '@/features/sms';

export function Component() {
  return <BulkJobsPage />;
}
