"""The explorer: view state and its reducer, what can be shown, views, tables, map, downloads
and the pure figure builders. Reads data only through ``dashboard.queries``."""
