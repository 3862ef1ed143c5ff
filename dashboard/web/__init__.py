"""Flask-level concerns of the web app: request guards, security headers, health check."""
