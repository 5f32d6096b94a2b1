"""The reference central endpoint for the CCMS sync protocol (FastAPI + SQLAlchemy)."""
