import { AuditPage } from '@/features/audit';

export function Component() {
  return <AuditPage />;
}
