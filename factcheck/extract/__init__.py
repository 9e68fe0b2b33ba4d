"""Claim extraction: mentions in, typed claims out."""
