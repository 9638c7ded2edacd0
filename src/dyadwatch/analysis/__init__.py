"""Dyad analysis: period series, reciprocity, escalation alerts and the assembled dyad view."""
