"""Commitment GT0112's tracker: milestone rules, OGP compliance, the 4.4 data promise, staff
input, seed, export, figures, staff and print pages."""
