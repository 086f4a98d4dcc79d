"""Infrastructure every ruzh package shares: the error types, atomic output files."""
