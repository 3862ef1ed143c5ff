"""Ids of the site shell (present on every page)."""

URL = "shell-url"
LANG = "shell-lang"
LANG_TOGGLE = "shell-lang-toggle"
ROOT = "shell-root"
PAGE_META = "shell-page-meta"
MAIN = "main-content"
