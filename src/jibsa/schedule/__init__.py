"""The schedule: assignments by date, for the calendar and its month summary."""
