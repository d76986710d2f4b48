"""Matplotlib figures in one visual style (see :mod:`newsbrief.charts.style`)."""
