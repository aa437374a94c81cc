export { smsKeys, smsQueries } from './api/sms-queries';
export { SmsPage } from './components/sms-page';
export { TemplatesPage } from './components/templates-page';
export { useResendSms, useSendSms, useSmsLogs, useSmsStats } from './hooks/use-sms';
