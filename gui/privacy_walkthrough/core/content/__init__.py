"""The guide's content: strict records for the TOML files, the loader, the checks `validate` runs,
the content hash that tells when a step changed, and the drawn "where to tap" sketch."""
