"""Infrastructure every ruzh package shares: error types, atomic output files, input limits, the
reproducibility signature, language tags, XML 1.0 character rules, spreadsheet CSV dialects."""
