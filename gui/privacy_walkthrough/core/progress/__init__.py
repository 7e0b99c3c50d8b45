"""What the person has done, on disk: progress records, the safe store, the migration ladder,
the one-writer lock, portable progress files and profiles."""
