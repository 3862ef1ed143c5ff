"""Transparencia Educativa GT: core package (config, data access, domain logic)."""
