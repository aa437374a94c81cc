export { dashboardQueries, getDashboard } from './api/dashboard-queries';
export { DashboardView } from './components/dashboard-view';
export { useDashboard } from './hooks/use-dashboard';
