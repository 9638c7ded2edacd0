"""Event attributes read from the parse: dates, places, quantities, factuality, stated reasons.

Each module works on a parsed spaCy Doc and is called by the coder for an event whose
trigger is a given token; per-document work is done once, per-event lookups are cheap.
"""
