"""Linking events: explicit response cues within a document, merging across documents, timing-based links."""
