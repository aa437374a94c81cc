export { QrCodePage } from './components/qr-code-page';
