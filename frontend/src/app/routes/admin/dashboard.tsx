import { DashboardView } from '@/features/admin-dashboard';

export function Component() {
  return <DashboardView />;
}
