"""The hub's benchmark: `make bench` (or `.venv/bin/python -m benchmarks`) prints the figures.

Never part of the tests: nothing here is imported by tests/, and no test times anything.
"""
