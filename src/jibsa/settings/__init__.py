"""Back-office settings: the company profile (and its public, cached subset)."""
