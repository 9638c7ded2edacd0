"""Scoring coded events against gold sets and external suites."""
