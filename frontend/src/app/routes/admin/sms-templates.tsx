import { TemplatesPage } from '@/features/sms';

export function Component() {
  return <TemplatesPage />;
}
