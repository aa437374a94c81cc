import { useQuery } from '@tanstack/react-query';

import { dashboardQueries } from '../api/dashboard-queries';

/** Dashboard figures: the cards' numbers are derived here, not in the view. */
export function useDashboard() {
  const query = useQuery(dashboardQueries.summary());
  const d = query.data;
  const by = d?.applications.by_status ?? {};
  const n = (k: string) => by[k] ?? 0;
  const cards = d
    ? {
        newCount: n('new'),
        inProgress: n('consulting') + n('assigned') + n('scheduled'),
        completed: n('completed'),
        partners: d.partners.total,
        partnersPending: d.partners.pending,
        today: d.applications.today,
        thisWeek: d.applications.this_week,
      }
    : null;
  return { ...query, cards };
}
