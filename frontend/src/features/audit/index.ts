export { auditKeys, auditQueries } from './api/audit-queries';
export { AuditPage } from './components/audit-page';
