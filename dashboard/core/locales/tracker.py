"""Texts of the GT0112 tracker: public page, progress panel, print view, staff area, login."""

MESSAGES: dict[str, dict[str, str]] = {
    # page and summary
    "tracker.page_title": {"es": "Compromiso GT0112: datos abiertos en educación",
                           "en": "Commitment GT0112: open data in education"},
    "tracker.intro": {
        "es": "Seguimiento público de los seis hitos que el Ministerio de Educación asumió en el "
              "Plan de Acción de Gobierno Abierto 2021-2023. Cada fecha, estado y evidencia "
              "puede verificarse aquí, sin pedir nada a nadie.",
        "en": "Public tracking of the six milestones the Ministry of Education committed to in "
              "the Open Government Action Plan 2021-2023. Every date, status and piece of "
              "evidence can be checked here without asking anyone."},
    "tracker.summary.title": {"es": "El compromiso", "en": "The commitment"},
    "tracker.summary.problem": {"es": "Problema", "en": "Problem"},
    "tracker.summary.objective": {"es": "Objetivo", "en": "Objective"},
    "tracker.summary.contribution": {"es": "Cómo contribuye", "en": "How it contributes"},
    "tracker.summary.lead": {"es": "Institución líder", "en": "Lead institution"},
    "tracker.summary.support": {"es": "Instituciones de apoyo", "en": "Supporting institutions"},
    "tracker.summary.plan": {"es": "Plan de acción", "en": "Action plan"},
    "tracker.summary.irm": {"es": "Revisión del IRM (Mecanismo de Revisión Independiente)",
                            "en": "IRM review (Independent Reporting Mechanism)"},
    "tracker.irm.verificable": {"es": "Verificable", "en": "Verifiable"},
    "tracker.irm.relevante_valores_ogp": {"es": "Relevante para los valores OGP",
                                          "en": "Relevant to OGP values"},
    "tracker.irm.ambicion": {"es": "Ambición", "en": "Ambition"},
    "tracker.irm.potencial_resultados": {"es": "Potencial de resultados",
                                         "en": "Potential results"},
    "tracker.irm.cumplimiento": {"es": "Cumplimiento", "en": "Completion"},
    "tracker.irm.resultados_tempranos": {"es": "Resultados tempranos", "en": "Early results"},
    "tracker.source": {"es": "Fuente", "en": "Source"},
    "tracker.source_quote": {"es": "Texto literal de la fuente", "en": "Literal source text"},
    "tracker.translation_note": {"es": "Traducción del proyecto; el texto de la fuente está en "
                                       "inglés.",
                                 "en": "Project translation; the source text is in English."},
    "tracker.milestone": {"es": "Hito", "en": "Milestone"},
    "tracker.milestones": {"es": "Hitos", "en": "Milestones"},
    # panel
    "tracker.panel.title": {"es": "¿Cumple el Ministerio su compromiso?",
                            "en": "Is the Ministry keeping its promise?"},
    "tracker.panel.completed": {"es": "completados", "en": "completed"},
    "tracker.panel.in_progress": {"es": "en curso", "en": "in progress"},
    "tracker.panel.overdue": {"es": "vencidos", "en": "overdue"},
    "tracker.panel.stale": {"es": "sin actualizar (más de 6 meses)",
                            "en": "not updated (over 6 months)"},
    "tracker.panel.of_total": {"es": "de {total} hitos", "en": "of {total} milestones"},
    "tracker.panel.link": {"es": "Ver el seguimiento completo del compromiso GT0112",
                           "en": "See the full tracking of commitment GT0112"},
    "tracker.panel.unavailable": {"es": "El seguimiento no está disponible en este momento.",
                                  "en": "Tracking is not available right now."},
    # columns and fields
    "tracker.col.id": {"es": "Hito", "en": "Milestone"},
    "tracker.col.milestone": {"es": "Descripción", "en": "Description"},
    "tracker.col.planned": {"es": "Periodo planificado", "en": "Planned period"},
    "tracker.col.actual": {"es": "Periodo real", "en": "Actual period"},
    "tracker.actual.none": {"es": "Sin fecha real de inicio reportada",
                            "en": "No actual start date reported"},
    "tracker.actual.open": {"es": "sin terminar", "en": "not finished"},
    "tracker.col.status": {"es": "Estado", "en": "Status"},
    "tracker.col.progress": {"es": "Avance", "en": "Progress"},
    "tracker.col.responsible": {"es": "Responsable", "en": "Responsible"},
    "tracker.col.last_update": {"es": "Última actualización", "en": "Last update"},
    "tracker.col.flags": {"es": "Alertas", "en": "Flags"},
    "tracker.field.resumen": {"es": "Qué se hizo (resumen)", "en": "What was done (summary)"},
    "tracker.field.motivo_retraso": {"es": "Motivos del retraso", "en": "Reasons for delay"},
    "tracker.field.proximos_pasos": {"es": "Próximos pasos", "en": "Next steps"},
    "tracker.field.evidencias": {"es": "Evidencias (enlaces)", "en": "Evidence (links)"},
    "tracker.field.inicio_real": {"es": "Inicio real", "en": "Actual start"},
    "tracker.field.fin_real": {"es": "Fin real", "en": "Actual end"},
    "tracker.field.corrige_id": {"es": "Corrige una actualización anterior (opcional)",
                                 "en": "Corrects an earlier update (optional)"},
    "tracker.field.corrige_event": {"es": "Corrige un evento anterior (opcional)",
                                    "en": "Corrects an earlier event (optional)"},
    "tracker.field.anula": {"es": "El evento corregido no ocurrió o se registró por error "
                                  "(lo retira del cálculo)",
                            "en": "The corrected event did not happen or was entered by mistake "
                                  "(removes it from the computation)"},
    "tracker.field.estado": {"es": "Estado", "en": "Status"},
    "tracker.field.avance": {"es": "Avance", "en": "Progress"},
    "tracker.field.fecha": {"es": "Fecha", "en": "Date"},
    "tracker.field.tipo": {"es": "Tipo", "en": "Type"},
    "tracker.field.titulo": {"es": "Título", "en": "Title"},
    "tracker.field.participantes": {"es": "Participantes", "en": "Participants"},
    "tracker.field.enlace_acta": {"es": "Enlace al acta", "en": "Minutes link"},
    "tracker.field.notas": {"es": "Notas", "en": "Notes"},
    # statuses, flags, event types
    "tracker.estado.no_iniciado": {"es": "No iniciado", "en": "Not started"},
    "tracker.estado.en_progreso": {"es": "En progreso", "en": "In progress"},
    "tracker.estado.completado": {"es": "Completado", "en": "Completed"},
    "tracker.estado.retrasado": {"es": "Retrasado", "en": "Delayed"},
    "tracker.estado.cancelado": {"es": "Cancelado", "en": "Cancelled"},
    "tracker.comments.title": {"es": "Comentarios ciudadanos ({n})",
                               "en": "Citizen comments ({n})"},
    "tracker.comments.none": {"es": "Aún no hay comentarios publicados sobre este hito.",
                              "en": "No published comments on this milestone yet."},
    "tracker.comments.how": {
        "es": "Para comentar este hito use «Enviar sugerencia» y elija el hito {id}. Los "
              "comentarios se publican después de su revisión; su nombre y correo nunca se "
              "muestran.",
        "en": "To comment on this milestone use “Send a suggestion” and choose milestone {id}. "
              "Comments are published after review; your name and e-mail are never shown.",
    },
    "tracker.comments.reply": {"es": "Respuesta del Ministerio:", "en": "Ministry's reply:"},
    "tracker.no_reports": {"es": "Sin reportes de avance publicados",
                           "en": "No progress reports published"},
    "tracker.alerta.vencido": {"es": "Vencido", "en": "Overdue"},
    "tracker.alerta.desactualizado": {"es": "Sin actualizar > 6 meses",
                                      "en": "Not updated > 6 months"},
    "tracker.alerta.en_riesgo": {"es": "En riesgo", "en": "At risk"},
    "tracker.alerta.calidad_datos": {"es": "Fechas dudosas en la fuente",
                                     "en": "Doubtful dates in the source"},
    "tracker.alerta_help.vencido": {
        "es": "Pasó la fecha de fin planificada y no está completado ni cancelado.",
        "en": "The planned end date has passed and it is neither completed nor cancelled."},
    "tracker.alerta_help.desactualizado": {
        "es": "Más de seis meses sin una actualización publicada (mínimo OGP).",
        "en": "More than six months without a published update (OGP minimum)."},
    "tracker.alerta_help.en_riesgo": {
        "es": "Termina en 30 días o menos y su avance es menor al 75 %.",
        "en": "Ends within 30 days and progress is below 75%."},
    "tracker.alerta_help.calidad_datos": {
        "es": "Las fechas de la fuente faltan, son imposibles o admiten varias lecturas; se "
              "muestran todas.",
        "en": "The source dates are missing, impossible or ambiguous; all readings are shown."},
    "tracker.tipo.reunion_abierta": {"es": "Reunión abierta con sociedad civil",
                                     "en": "Open meeting with civil society"},
    "tracker.tipo.foro_multiactor": {"es": "Foro multiactor", "en": "Multi-stakeholder forum"},
    "tracker.tipo.informe_avance": {"es": "Informe de avance", "en": "Progress report"},
    # dates
    "tracker.dates.reading.orden_texto": {"es": "Lectura de la lista de fechas",
                                          "en": "Reading of the date list"},
    "tracker.dates.reading.texto_hito": {"es": "Lectura del texto del hito",
                                         "en": "Reading of the milestone text"},
    "tracker.dates.invalid": {"es": "imposible: el fin es anterior al inicio",
                              "en": "impossible: end before start"},
    "tracker.dates.method": {"es": "Cómo se leyeron las fechas", "en": "How the dates were read"},
    # timeline
    "tracker.timeline.title": {"es": "Cronograma: planificado y real",
                               "en": "Timeline: planned and actual"},
    "tracker.timeline.planned": {"es": "Planificado", "en": "Planned"},
    "tracker.timeline.alt": {"es": "Lectura alternativa (fechas dudosas)",
                             "en": "Alternative reading (doubtful dates)"},
    "tracker.timeline.actual": {"es": "Real (según reportes)", "en": "Actual (as reported)"},
    "tracker.timeline.actual_none": {"es": "Real (aún sin fechas reportadas)",
                                     "en": "Actual (no dates reported yet)"},
    "tracker.timeline.today": {"es": "Hoy", "en": "Today"},
    "tracker.timeline.kind": {"es": "Periodo", "en": "Period"},
    "tracker.timeline.start": {"es": "Inicio", "en": "Start"},
    "tracker.timeline.end": {"es": "Fin", "en": "End"},
    "tracker.timeline.table": {"es": "Ver el cronograma como tabla",
                               "en": "View the timeline as a table"},
    "tracker.timeline.graph_label": {
        "es": "Diagrama de Gantt de los hitos 4.1 a 4.6; la misma información está en la tabla "
              "siguiente.",
        "en": "Gantt chart of milestones 4.1 to 4.6; the same information is in the table "
              "below."},
    # history
    "tracker.history.title": {"es": "Historial público ({n} actualizaciones)",
                              "en": "Public history ({n} updates)"},
    "tracker.history.title_one": {"es": "Historial público (1 actualización)",
                                  "en": "Public history (1 update)"},
    "tracker.history.none": {"es": "Aún no hay actualizaciones publicadas para este hito.",
                             "en": "No updates have been published for this milestone yet."},
    "tracker.history.by": {"es": "por {autor}", "en": "by {autor}"},
    "tracker.history.corrects": {"es": "Corrige la actualización #{id}",
                                 "en": "Corrects update #{id}"},
    "tracker.history.corrected_by": {"es": "Corregida por la actualización #{id}",
                                     "en": "Corrected by update #{id}"},
    "tracker.history.changed": {"es": "Qué cambió", "en": "What changed"},
    "tracker.history.nothing_changed": {"es": "Sin cambios respecto a la anterior",
                                        "en": "No changes from the previous one"},
    "tracker.history.append_only": {
        "es": "Las actualizaciones no se pueden editar ni borrar; una corrección es una nueva "
              "entrada que señala la anterior.",
        "en": "Updates cannot be edited or deleted; a correction is a new entry pointing at the "
              "earlier one."},
    "tracker.evidence": {"es": "Evidencias", "en": "Evidence"},
    "tracker.no_evidence": {"es": "Sin evidencias publicadas", "en": "No evidence published"},
    # compliance
    "tracker.compliance.title": {"es": "Requisitos mínimos de OGP durante la implementación",
                                 "en": "OGP minimum requirements during implementation"},
    "tracker.compliance.note": {
        "es": "Calculado solo con las actualizaciones y eventos registrados en este sistema "
              "desde {since}. Un periodo en curso sin registros aún puede cumplirse.",
        "en": "Computed only from the updates and events recorded in this system since {since}. "
              "A current period without records can still be met."},
    "tracker.compliance.requirement": {"es": "Requisito", "en": "Requirement"},
    "tracker.compliance.met": {"es": "Periodos cumplidos", "en": "Periods met"},
    "tracker.compliance.periods": {"es": "Detalle por periodo", "en": "Detail by period"},
    "tracker.req.actualizacion_semestral": {
        "es": "Actualización de avance al menos cada seis meses",
        "en": "Progress update at least every six months"},
    "tracker.req.reunion_abierta_anual": {
        "es": "Reunión abierta con sociedad civil al menos una vez al año",
        "en": "Open meeting with civil society at least once a year"},
    "tracker.req.foro_trimestral": {"es": "Foro multiactor al menos cada trimestre",
                                    "en": "Multi-stakeholder forum at least every quarter"},
    "tracker.result.cumplido": {"es": "cumplido", "en": "met"},
    "tracker.result.no_cumplido": {"es": "no cumplido", "en": "not met"},
    "tracker.result.en_curso": {"es": "en curso", "en": "in progress"},
    # events
    "tracker.events.title": {"es": "Registro de eventos", "en": "Events log"},
    "tracker.events.none": {"es": "No hay eventos registrados.", "en": "No events recorded."},
    "tracker.events.minutes": {"es": "Acta", "en": "Minutes"},
    "tracker.events.superseded": {"es": "corregido o retirado", "en": "corrected or withdrawn"},
    # data section (milestone 4.4)
    "tracker.data.title": {"es": "Actualización de los datos (hito 4.4, evidencia en vivo)",
                           "en": "Data updates (milestone 4.4, live evidence)"},
    "tracker.data.promise": {
        "es": "El compromiso promete datos «revisados y actualizados al menos dos veces al año».",
        "en": "The commitment promises data “reviewed and updated at least twice a year”."},
    "tracker.data.last_release": {"es": "Última publicación de datos", "en": "Last data release"},
    "tracker.data.next_due": {"es": "Próxima actualización debida", "en": "Next update due"},
    "tracker.data.missed": {"es": "Actualización semestral incumplida",
                            "en": "Twice-yearly update missed"},
    "tracker.data.on_time": {"es": "Al día", "en": "On time"},
    "tracker.data.no_release": {"es": "Aún no hay ninguna publicación de datos.",
                                "en": "No data release has been published yet."},
    "tracker.data.releases": {"es": "Publicaciones conservadas: {dates}",
                              "en": "Kept releases: {dates}"},
    "tracker.data.dims": {"es": "Desagregaciones disponibles en la publicación {rid}",
                          "en": "Disaggregations available in release {rid}"},
    "tracker.data.dim.sexo": {"es": "Por sexo", "en": "By sex"},
    "tracker.data.dim.geografia": {"es": "Por ubicación geográfica", "en": "By location"},
    "tracker.data.dim.nivel": {"es": "Por nivel educativo", "en": "By education level"},
    "tracker.data.dim_real": {"es": "datos reales: {tables}", "en": "real data: {tables}"},
    "tracker.data.dim_demo": {"es": "solo demostración: {tables}", "en": "demo only: {tables}"},
    "tracker.data.dim_none": {"es": "no disponible", "en": "not available"},
    "tracker.data.demo_note": {
        "es": "Esta publicación contiene datos de demostración: no cuenta como evidencia real.",
        "en": "This release contains demo data: it does not count as real evidence."},
    # export
    "tracker.export.title": {"es": "Descargar y reutilizar", "en": "Download and reuse"},
    "tracker.export.milestones": {"es": "Hitos", "en": "Milestones"},
    "tracker.export.updates": {"es": "Historial de actualizaciones", "en": "Update history"},
    "tracker.export.events": {"es": "Eventos", "en": "Events"},
    "tracker.export.compliance": {"es": "Requisitos OGP por periodo",
                                  "en": "OGP requirements by period"},
    "tracker.export.changes": {"es": "Qué cambió desde…", "en": "What changed since…"},
    "tracker.history.entered_on": {"es": "registrado el {fecha}", "en": "entered on {fecha}"},
    "tracker.export.print": {"es": "Versión para imprimir (reuniones abiertas)",
                             "en": "Printable version (open meetings)"},
    "tracker.staff_link": {"es": "Acceso del personal del Ministerio",
                           "en": "Ministry staff sign-in"},
    "tracker.staff_post": {"es": "Publicar una actualización (personal)",
                           "en": "Post an update (staff)"},
    # print
    "tracker.print.title": {"es": "Compromiso GT0112 — versión para imprimir",
                            "en": "Commitment GT0112 — printable version"},
    "tracker.print.back": {"es": "Volver a la página del compromiso",
                           "en": "Back to the commitment page"},
    "tracker.print.generated": {"es": "Estado al {date}.", "en": "Status as of {date}."},
    "tracker.print.sources": {
        "es": "Fuentes: ficha OGP del compromiso GT0112 y revisión del IRM 2021-2023; requisitos "
              "mínimos de OGP para la implementación. Datos: /api/v1/milestones.",
        "en": "Sources: OGP commitment page GT0112 and IRM review 2021-2023; OGP minimum "
              "requirements for implementation. Data: /api/v1/milestones."},
    # staff area
    "tracker.staff.title": {"es": "Área del personal", "en": "Staff area"},
    "tracker.staff.public_page": {"es": "Página pública del compromiso",
                                  "en": "Public commitment page"},
    "tracker.staff.signed_in_as": {"es": "Sesión de", "en": "Signed in as"},
    "tracker.staff.logout": {"es": "Cerrar sesión", "en": "Sign out"},
    "tracker.staff.intro": {
        "es": "Publique actualizaciones de avance y eventos. Todo lo publicado es público, "
              "queda en el registro de auditoría y no puede editarse ni borrarse.",
        "en": "Post progress updates and events. Everything posted is public, is recorded in "
              "the audit log and cannot be edited or deleted."},
    "tracker.staff.milestones": {"es": "Hitos del compromiso", "en": "Commitment milestones"},
    "tracker.staff.actions": {"es": "Acciones", "en": "Actions"},
    "tracker.staff.post_update": {"es": "Publicar actualización", "en": "Post update"},
    "tracker.staff.post_event": {"es": "Registrar evento", "en": "Record event"},
    "tracker.staff.audit": {"es": "Registro de auditoría (últimas acciones)",
                            "en": "Audit log (latest actions)"},
    "tracker.staff.saved": {"es": "Publicado.", "en": "Published."},
    "tracker.staff.publish": {"es": "Publicar (no se puede deshacer)",
                              "en": "Publish (cannot be undone)"},
    "tracker.staff.append_only": {
        "es": "Lo que publique será público de inmediato y no podrá editarse ni borrarse. Para "
              "corregir un error, publique una nueva entrada que indique cuál corrige.",
        "en": "What you post is public immediately and cannot be edited or deleted. To fix a "
              "mistake, post a new entry saying which one it corrects."},
    "tracker.staff.evidence_help": {
        "es": "Un enlace por línea: «https://…» o «Título | https://…». Solo http(s).",
        "en": "One link per line: “https://…” or “Title | https://…”. http(s) only."},
    "tracker.staff.no_correction": {"es": "— No corrige ninguna —", "en": "— Corrects none —"},
    "tracker.staff.correction_help": {
        "es": "Si esta entrada corrige un error de una anterior, elíjala aquí.",
        "en": "If this entry fixes a mistake in an earlier one, choose it here."},
    "tracker.staff.fix_errors": {"es": "Revise estos campos:", "en": "Please check these fields:"},
    "tracker.staff.error_title": {"es": "No se pudo completar la acción",
                                  "en": "The action could not be completed"},
    "tracker.err.milestone_id.invalid": {"es": "Hito desconocido.", "en": "Unknown milestone."},
    "tracker.err.estado.invalid": {"es": "Estado no válido.", "en": "Invalid status."},
    "tracker.err.avance.invalid": {"es": "El avance debe ser un número entero de 0 a 100.",
                                   "en": "Progress must be a whole number from 0 to 100."},
    "tracker.err.avance.completed_not_100": {
        "es": "Un hito completado debe tener 100 % de avance.",
        "en": "A completed milestone must have 100% progress."},
    "tracker.err.evidencias.invalid": {
        "es": "Evidencias: use un enlace http(s) por línea (máximo 20).",
        "en": "Evidence: use one http(s) link per line (at most 20)."},
    "tracker.err.motivo_retraso.required": {
        "es": "Indique los motivos del retraso.", "en": "Give the reasons for the delay."},
    "tracker.err.resumen.required": {"es": "Escriba un resumen de lo realizado.",
                                     "en": "Write a summary of what was done."},
    "tracker.err.inicio_real.invalid": {"es": "Fecha de inicio no válida.",
                                        "en": "Invalid start date."},
    "tracker.err.fin_real.invalid": {"es": "Fecha de fin no válida.", "en": "Invalid end date."},
    "tracker.err.fin_real.before_start": {"es": "El fin real es anterior al inicio real.",
                                          "en": "The actual end is before the actual start."},
    "tracker.err.corrige_id.invalid": {
        "es": "La entrada corregida no existe o es de otro hito.",
        "en": "The corrected entry does not exist or belongs elsewhere."},
    "tracker.err.fecha.required": {"es": "Indique la fecha.", "en": "Give the date."},
    "tracker.err.fecha.invalid": {"es": "Fecha no válida.", "en": "Invalid date."},
    "tracker.err.fecha.future": {"es": "La fecha no puede ser futura.",
                                 "en": "The date cannot be in the future."},
    "tracker.err.tipo.invalid": {"es": "Tipo de evento no válido.", "en": "Invalid event type."},
    "tracker.err.titulo.required": {"es": "Escriba un título.", "en": "Write a title."},
    "tracker.err.enlace_acta.invalid": {"es": "El enlace al acta debe ser http(s).",
                                        "en": "The minutes link must be http(s)."},
    "tracker.err.anula.needs_target": {"es": "Para retirar un evento, elija cuál.",
                                       "en": "To withdraw an event, choose which one."},
    # login
    "tracker.auth.login": {"es": "Iniciar sesión", "en": "Sign in"},
    "tracker.auth.login_title": {"es": "Acceso del personal del Ministerio",
                                 "en": "Ministry staff sign-in"},
    "tracker.auth.login_help": {
        "es": "Solo para personal con cuenta. Las cuentas se crean con "
              "«python -m dashboard user add».",
        "en": "Staff with an account only. Accounts are created with "
              "“python -m dashboard user add”."},
    "tracker.auth.username": {"es": "Usuario", "en": "Username"},
    "tracker.auth.password": {"es": "Contraseña", "en": "Password"},
    "tracker.auth.submit": {"es": "Entrar", "en": "Sign in"},
    "tracker.auth.bad_credentials": {"es": "Usuario o contraseña incorrectos.",
                                     "en": "Wrong username or password."},
    "tracker.auth.rate_limited": {
        "es": "Demasiados intentos fallidos desde su conexión. Espere unos minutos.",
        "en": "Too many failed attempts from your connection. Please wait a few minutes."},
    "tracker.auth.csrf_error": {
        "es": "El formulario caducó o no es válido (falta el token CSRF). Recargue la página e "
              "inténtelo de nuevo.",
        "en": "The form expired or is invalid (missing CSRF token). Reload the page and try "
              "again."},
    # auditors: changes page, evidence files, feeds, backfilled entries
    "tracker.cambios.title": {
        "es": "Qué cambió en el compromiso GT0112",
        "en": "What changed in commitment GT0112"},
    "tracker.cambios.since": {
        "es": "Cambios registrados desde el {desde}",
        "en": "Changes recorded since {desde}"},
    "tracker.cambios.count": {
        "es": "Cambios registrados desde el {desde}: {n}",
        "en": "Changes recorded since {desde}: {n}"},
    "tracker.change.demo_release": {
        "es": "Incluye datos de demostración (generados, no oficiales).",
        "en": "Includes demonstration data (generated, not official)."},
    "tracker.cambios.none": {
        "es": "No hay cambios registrados desde esa fecha.",
        "en": "No changes recorded since that date."},
    "tracker.cambios.bad_date": {
        "es": "La fecha «desde» debe tener la forma AAAA-MM-DD (por ejemplo 2026-01-31).",
        "en": "The 'desde' date must look like YYYY-MM-DD (e.g. 2026-01-31)."},
    "tracker.cambios.bad_format": {
        "es": "El formato debe ser html, csv o json.",
        "en": "The format must be html, csv or json."},
    "tracker.cambios.download": {"es": "Descargar", "en": "Download"},
    "tracker.cambios.col.when": {"es": "Registrado", "en": "Recorded"},
    "tracker.cambios.col.date": {"es": "Fecha del hecho", "en": "Date of the fact"},
    "tracker.cambios.col.what": {"es": "Qué cambió", "en": "What changed"},
    "tracker.cambios.col.link": {"es": "Enlace permanente", "en": "Permalink"},
    "tracker.cambios.later": {"es": "registrado después", "en": "entered later"},
    "tracker.change.actualizacion": {
        "es": "Actualización del hito {hito}",
        "en": "Update of milestone {hito}"},
    "tracker.change.cambio_estado": {
        "es": "Cambio de estado del hito {hito}",
        "en": "Status change of milestone {hito}"},
    "tracker.change.correccion": {
        "es": "Corrección de la actualización #{corrige} del hito {hito}",
        "en": "Correction of update #{corrige} of milestone {hito}"},
    "tracker.change.evento": {"es": "Evento", "en": "Event"},
    "tracker.change.evento_correccion": {
        "es": "Corrección del evento #{corrige}",
        "en": "Correction of event #{corrige}"},
    "tracker.change.evidencia": {"es": "Nueva evidencia", "en": "New evidence"},
    "tracker.change.evidencia_retirada": {"es": "Evidencia retirada", "en": "Evidence withdrawn"},
    "tracker.change.evidencia_purgada": {
        "es": "Evidencia eliminada por mandato legal",
        "en": "Evidence erased by legal order"},
    "tracker.change.evidencia_purgada_detalle": {
        "es": "Base legal: {motivo} · el archivo ya no se conserva; su huella queda: sha256 "
              "{sha256}",
        "en": "Legal basis: {motivo} · the file is no longer kept; its fingerprint stays: sha256 "
              "{sha256}"},
    "tracker.change.version_datos": {"es": "Nueva versión de datos", "en": "New data release"},
    "tracker.change.respuesta": {
        "es": "Respuesta del ministerio a la consulta {seguimiento}",
        "en": "The ministry's reply to item {seguimiento}"},
    "tracker.change.respuesta_corregida": {
        "es": "Respuesta corregida a la consulta {seguimiento}",
        "en": "Corrected reply to item {seguimiento}"},
    "tracker.change.respuesta_retirada": {
        "es": "Respuesta retirada de la vista pública: {seguimiento}",
        "en": "Reply withdrawn from public view: {seguimiento}"},
    "tracker.change.respuesta_retirada_detalle": {
        "es": "La consulta y su respuesta ya no se muestran en el sitio.",
        "en": "The item and its reply are no longer shown on the site."},
    "tracker.evidence.files": {"es": "Archivos de evidencia", "en": "Evidence files"},
    "tracker.evidence.withdrawn": {"es": "retirado: {motivo}", "en": "withdrawn: {motivo}"},
    "tracker.evidence.purged": {
        "es": "eliminado por mandato legal: {motivo}",
        "en": "erased by legal order: {motivo}"},
    "tracker.evidence.gone.title": {
        "es": "Archivo eliminado por mandato legal",
        "en": "File erased by legal order"},
    "tracker.evidence.gone.body": {
        "es": "El archivo «{nombre}» fue retirado y luego eliminado el {fecha} por mandato "
              "legal; el sitio ya no conserva su contenido.",
        "en": "The file '{nombre}' was withdrawn and then erased on {fecha} by legal order; "
              "the site no longer keeps its content."},
    "tracker.evidence.gone.reason": {"es": "Base legal", "en": "Legal basis"},
    "tracker.evidence.gone.hash": {
        "es": "Su huella SHA-256 queda en el historial encadenado: quien conserve una copia "
              "puede probar qué archivo era.",
        "en": "Its SHA-256 fingerprint stays in the chained history: anyone holding a copy can "
              "prove which file it was."},
    "tracker.evidence.missing.title": {"es": "Archivo no disponible", "en": "File not available"},
    "tracker.evidence.missing.body": {
        "es": "El archivo «{nombre}» está registrado, pero su contenido no se encuentra en el "
              "servidor; el fallo quedó anotado en el registro del servidor.",
        "en": "The file '{nombre}' is on record, but its content is not on the server; the "
              "fault was written to the server's log."},
    "tracker.evidence.attach": {"es": "Archivos de evidencia", "en": "Evidence files"},
    "tracker.evidence.for_update": {"es": "Actualización #{id}", "en": "Update #{id}"},
    "tracker.evidence.for_event": {"es": "Evento #{id}", "en": "Event #{id}"},
    "tracker.evidence.help": {
        "es": "PDF, imágenes (PNG, JPEG, WebP), CSV, XLSX u ODS, hasta {mb} MB. El tipo se "
              "comprueba por el contenido. Cada archivo queda en el historial con su SHA-256.",
        "en": "PDF, images (PNG, JPEG, WebP), CSV, XLSX or ODS, up to {mb} MB. The type is "
              "checked from the content. Each file stays in the history with its SHA-256."},
    "tracker.evidence.file": {"es": "Archivo", "en": "File"},
    "tracker.evidence.upload": {"es": "Adjuntar", "en": "Attach"},
    "tracker.evidence.withdraw": {
        "es": "Retirar (queda en el historial)",
        "en": "Withdraw (stays in the history)"},
    "tracker.evidence.reason": {"es": "Motivo", "en": "Reason"},
    "tracker.evidence.saved": {"es": "Guardado", "en": "Saved"},
    "tracker.evidence.none": {"es": "Sin archivos todavía.", "en": "No files yet."},
    "tracker.evidence.col.name": {"es": "Nombre", "en": "Name"},
    "tracker.evidence.col.size": {"es": "Tamaño (bytes)", "en": "Size (bytes)"},
    "tracker.evidence.col.type": {"es": "Tipo", "en": "Type"},
    "tracker.evidence.col.date": {"es": "Fecha", "en": "Date"},
    "tracker.evidence.col.hash": {"es": "SHA-256", "en": "SHA-256"},
    "tracker.evidence.attach_to": {"es": "Adjuntar evidencia a", "en": "Attach evidence to"},
    "tracker.err.archivo.missing": {"es": "Elija un archivo.", "en": "Choose a file."},
    "tracker.err.archivo.empty": {
        "es": "El archivo está vacío; no se guardó nada.",
        "en": "The file is empty; nothing was stored."},
    "tracker.err.archivo.too_large": {
        "es": "El archivo supera el tamaño máximo; no se guardó nada.",
        "en": "The file is larger than allowed; nothing was stored."},
    "tracker.err.archivo.name_invalid": {
        "es": "El nombre del archivo no puede llevar barras, «..» ni caracteres de control; no "
              "se guardó nada.",
        "en": "The file name may not contain slashes, '..' or control characters; nothing was "
              "stored."},
    "tracker.err.archivo.name_too_long": {
        "es": "El nombre del archivo es demasiado largo.",
        "en": "The file name is too long."},
    "tracker.err.archivo.type_refused": {
        "es": "Tipo de archivo no permitido (según su contenido): solo PDF, PNG, JPEG, WebP, "
              "CSV, XLSX u ODS; no se guardó nada.",
        "en": "File type not allowed (judged by its content): only PDF, PNG, JPEG, WebP, CSV, "
              "XLSX or ODS; nothing was stored."},
    "tracker.err.archivo.extension_mismatch": {
        "es": "La extensión del nombre no corresponde al contenido del archivo; no se guardó nada.",
        "en": "The name's extension does not match the file's content; nothing was stored."},
    "tracker.err.archivo.zip_bomb": {
        "es": "El archivo comprimido se expande demasiado; no se guardó nada.",
        "en": "The compressed file expands too much; nothing was stored."},
    "tracker.err.motivo.required": {
        "es": "Indique el motivo del retiro.",
        "en": "Say why the file is withdrawn."},
    "tracker.err.evidence.already_removed": {
        "es": "Ese archivo ya fue retirado.",
        "en": "That file was already withdrawn."},
    "tracker.err.evidence.target_invalid": {"es": "No existe esa entrada.", "en": "No such entry."},
    "tracker.err.evidence.not_found": {"es": "No existe ese archivo.", "en": "No such file."},
    "tracker.field.fecha_real": {
        "es": "Fecha real del avance (solo si se registra después)",
        "en": "Actual date of this update (only when entered later)"},
    "tracker.field.fecha_real_help": {
        "es": "Para registrar avances pasados: queda marcado como «registrado después» y se "
              "conserva la fecha de registro.",
        "en": "To record past updates: it is marked 'entered later' and the entry date is kept."},
    "tracker.feed.follow": {"es": "Seguir los cambios (Atom)", "en": "Follow changes (Atom)"},
}
