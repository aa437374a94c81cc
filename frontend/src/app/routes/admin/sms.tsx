import { SmsPage } from '@/features/sms';

export function Component() {
  return <SmsPage />;
}
