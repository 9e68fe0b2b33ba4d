"""The spaCy side of factcheck: the pipeline builder and our components."""
