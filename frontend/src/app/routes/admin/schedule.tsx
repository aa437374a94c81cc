import { ScheduleView } from '@/features/admin-schedule';

export function Component() {
  return <ScheduleView />;
}
