"""Texts of the site shell: navigation, banner, footer, language switch."""

MESSAGES: dict[str, dict[str, str]] = {
    "shell.site_title": {"es": "Transparencia Educativa GT", "en": "Education Transparency GT"},
    "shell.site_subtitle": {
        "es": "Ministerio de Educación de Guatemala · Datos abiertos",
        "en": "Ministry of Education of Guatemala · Open data",
    },
    "shell.skip": {"es": "Saltar al contenido principal", "en": "Skip to main content"},
    "shell.nav_label": {"es": "Navegación principal", "en": "Main navigation"},
    "shell.nav.explore": {"es": "Explorar datos", "en": "Explore data"},
    "shell.nav.tracker": {"es": "Compromiso GT0112", "en": "Commitment GT0112"},
    "shell.nav.participa": {"es": "Participa", "en": "Participate"},
    "shell.nav.opendata": {"es": "Datos abiertos", "en": "Open data"},
    "shell.nav.about": {"es": "Acerca de", "en": "About"},
    "shell.nav.schools": {"es": "Escuelas", "en": "Schools"},
    "shell.current_page": {"es": "página actual", "en": "current page"},
    "shell.lang_switch": {"es": "English", "en": "Español"},
    "shell.lang_switch_label": {"es": "Switch to English", "en": "Cambiar a español"},
    "shell.demo_banner": {
        "es": "Datos de demostración: las cifras de matrícula, docentes y población son "
              "generadas y NO son oficiales.",
        "en": "Demo data: enrolment, teacher and population figures are generated and are NOT "
              "official.",
    },
    # Said only when the release really carries them; otherwise the banner says they are absent.
    "shell.demo_banner_real": {
        "es": "Los datos del Censo 2018 y de graduandos son reales.",
        "en": "Census 2018 and graduating-student data are real.",
    },
    "shell.demo_banner_no_real": {
        "es": "Esta versión todavía no incluye los datos reales del Censo 2018 ni de graduandos.",
        "en": "This release does not yet include the real Census 2018 or graduating-student "
              "data.",
    },
    "shell.demo_banner_label": {"es": "Aviso sobre los datos", "en": "Notice about the data"},
    "shell.footer.release": {"es": "Versión de datos", "en": "Data release"},
    "shell.footer.published": {"es": "publicada el", "en": "published on"},
    "shell.footer.sources": {"es": "Fuentes", "en": "Sources"},
    "shell.footer.licence": {
        "es": "Datos con licencia CC BY 4.0. Compromiso OGP GT0112 «Datos abiertos en educación».",
        "en": "Data licensed CC BY 4.0. OGP commitment GT0112 “Open Data in Education”.",
    },
    "shell.footer.no_release": {
        "es": "Aún no hay datos publicados.", "en": "No data has been published yet.",
    },
    "shell.not_found_title": {"es": "Página no encontrada", "en": "Page not found"},
    "shell.not_found_body": {
        "es": "La dirección no existe. Vuelva al inicio.",
        "en": "That address does not exist. Go back to the start.",
    },
    "shell.placeholder": {
        "es": "Esta sección está en construcción.", "en": "This section is under construction.",
    },
}
