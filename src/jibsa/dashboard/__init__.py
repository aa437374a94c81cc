"""The back-office dashboard: counts with KST boundaries and the assignment funnel."""
