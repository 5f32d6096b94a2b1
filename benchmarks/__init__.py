"""Benchmarks: a scale-data generator and measurements that print figures and ratios."""
