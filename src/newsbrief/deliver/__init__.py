"""Delivery: a briefing folder as an email (HTML with CID images and plain text), .eml files, SMTP."""
