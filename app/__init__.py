"""CCMS Desktop: offline-first encrypted case management for CCMS caseworkers."""

__version__ = "0.1.0"
