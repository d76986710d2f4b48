"""Rendering: the report run, fan-out, nbconvert exporters, templates, and the notebooks as package data."""
