"""Ids of the open-data catalogue page."""

PAGE = "opendata-page"
DIFF_RELEASE = "opendata-diff-release"
DIFF_RESULT = "opendata-diff-result"
