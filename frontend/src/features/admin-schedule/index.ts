export { scheduleQueries, type ScheduleFilters } from './api/schedule-queries';
export { addMonths, monthGrid, type YearMonth } from './api/calendar';
export { ScheduleView } from './components/schedule-view';
export { useSchedule } from './hooks/use-schedule';
