"""Citizen feedback: one intake (widget and API), validation, rate limit, moderation, public
view and figures."""
