"""Every UI string goes through one mechanism; every language has every key."""

from __future__ import annotations

import re
from datetime import date

from dashboard.core import i18n


def test_every_key_has_every_language_and_no_empty_text():
    for key, texts in i18n.MESSAGES.items():
        assert set(texts) == set(i18n.LANGUAGES), key
        assert all(isinstance(v, str) and v.strip() for v in texts.values()), key


def test_placeholders_match_across_languages():
    for key, texts in i18n.MESSAGES.items():
        fields = {lang: set(re.findall(r"\{(\w+)\}", text)) for lang, text in texts.items()}
        assert fields["es"] == fields["en"], key


def test_keys_are_namespaced_by_area():
    assert all("." in key for key in i18n.MESSAGES)


def test_t_falls_back_to_spanish_and_shows_unknown_keys():
    assert i18n.t("shell.nav.explore") == "Explorar datos"
    assert i18n.t("shell.nav.explore", "en") == "Explore data"
    assert i18n.t("shell.nav.explore", "<script>") == "Explorar datos"
    assert i18n.t("no.such.key", "en") == "no.such.key"


def test_normalize_lang_accepts_only_supported_codes():
    assert i18n.normalize_lang("EN-us") == "en"
    assert i18n.normalize_lang(None) == "es"
    assert i18n.normalize_lang(["en"]) == "es"
    assert i18n.normalize_lang("fr") == "es"


def test_numbers_and_dates_follow_the_locale():
    assert i18n.fmt_number(1234567, "en") == "1,234,567"
    assert i18n.fmt_number(1234.5, "es", 1) == "1,234.5"  # Guatemala writes 1,234.5 too
    assert i18n.fmt_number(None, "es") == "—"
    assert i18n.fmt_percent(0.0625, "en") == "6.2\u00a0%"
    assert i18n.fmt_date(date(2026, 11, 23), "en") == "November 23, 2026"
    assert i18n.fmt_date("2026-11-23T10:00:00+00:00", "es") == "23 de noviembre de 2026"
