import { QrCodePage } from '@/features/qr-code';

export function Component() {
  return <QrCodePage />;
}
