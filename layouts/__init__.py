"""Pure functions that turn state (language, query, data) into Dash components."""
