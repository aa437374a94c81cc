export { smsKeys, smsQueries } from './api/sms-queries';
export { BulkJobPage } from './components/bulk-job-page';
export { BulkJobsPage } from './components/bulk-jobs-page';
export { SmsPage } from './components/sms-page';
export { TemplatesPage } from './components/templates-page';
export { useResendSms, useSendSms, useSmsLogs, useSmsStats } from './hooks/use-sms';
