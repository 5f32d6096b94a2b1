"""The encrypted local store: SQLCipher engine, key envelope, secrets, migrations."""
