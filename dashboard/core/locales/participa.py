"""Texts of the feedback widget, the Participa page and the staff moderation queue."""

MESSAGES: dict[str, dict[str, str]] = {
    # Widget (on every page)
    "participa.widget.open": {"es": "Enviar sugerencia", "en": "Send feedback"},
    "participa.widget.title": {"es": "Enviar una sugerencia", "en": "Send feedback"},
    "participa.widget.intro": {
        "es": "Su mensaje llega al Ministerio de Educación con la dirección exacta de esta vista "
              "y la versión de datos. Se publica solo después de revisarlo; su nombre y correo "
              "nunca se publican.",
        "en": "Your message reaches the Ministry of Education with the exact address of this view "
              "and the data release. It is published only after review; your name and e-mail are "
              "never published.",
    },
    "participa.field.tipo": {"es": "Tipo", "en": "Type"},
    "participa.tipo.sugerencia": {"es": "Sugerencia", "en": "Suggestion"},
    "participa.tipo.error_datos": {"es": "Error en los datos", "en": "Data error"},
    "participa.tipo.pregunta": {"es": "Pregunta", "en": "Question"},
    "participa.tipo.queja": {"es": "Queja", "en": "Complaint"},
    "participa.field.hito": {
        "es": "¿Comenta un hito del compromiso GT0112? (opcional)",
        "en": "Commenting on a GT0112 milestone? (optional)",
    },
    "participa.hito.none": {"es": "Ninguno", "en": "None"},
    "participa.hito.label": {"es": "Hito {hito}", "en": "Milestone {hito}"},
    "participa.field.mensaje": {"es": "Mensaje", "en": "Message"},
    "participa.field.mensaje_help": {
        "es": "Hasta 2.000 caracteres.", "en": "Up to 2,000 characters.",
    },
    "participa.field.nombre": {"es": "Nombre (opcional)", "en": "Name (optional)"},
    "participa.field.email": {"es": "Correo electrónico (opcional)", "en": "E-mail (optional)"},
    "participa.field.consent": {
        "es": "Acepto que el Ministerio guarde mi nombre y correo solo para responderme. "
              "No se publican.",
        "en": "I agree that the Ministry keeps my name and e-mail only to answer me. They are "
              "not published.",
    },
    "participa.field.honeypot": {
        "es": "No llene este campo", "en": "Do not fill in this field",
    },
    "participa.widget.submit": {"es": "Enviar", "en": "Send"},
    "participa.widget.thanks": {
        "es": "¡Gracias! Su número de seguimiento es", "en": "Thank you! Your tracking number is",
    },
    "participa.widget.thanks_hint": {
        "es": "Guárdelo para consultar el estado en la página Participa.",
        "en": "Keep it to check the status on the Participate page.",
    },
    "participa.widget.fix": {
        "es": "Revise lo siguiente (lo que escribió se conserva):",
        "en": "Please check the following (what you typed is kept):",
    },
    "participa.widget.rate_limited": {
        "es": "Ha enviado demasiados mensajes seguidos. Espere un momento e intente de nuevo.",
        "en": "You have sent too many messages in a row. Wait a moment and try again.",
    },
    "participa.widget.conflict": {
        "es": "Este formulario ya se envió con otro texto. Cierre y vuelva a abrir el formulario.",
        "en": "This form was already sent with another text. Close and reopen the form.",
    },
    "participa.err.tipo": {"es": "Elija un tipo de mensaje.", "en": "Choose a message type."},
    "participa.err.mensaje": {
        "es": "Escriba un mensaje de 3 a 2.000 caracteres.",
        "en": "Write a message of 3 to 2,000 characters.",
    },
    "participa.err.vista": {
        "es": "No se pudo leer la dirección de la vista; recargue la página.",
        "en": "The view address could not be read; reload the page.",
    },
    "participa.err.nombre": {"es": "El nombre es demasiado largo.", "en": "The name is too long."},
    "participa.err.email": {
        "es": "El correo no parece válido (ejemplo: nombre@dominio.gt).",
        "en": "The e-mail does not look valid (example: name@domain.gt).",
    },
    "participa.err.consentimiento": {
        "es": "Para guardar su nombre o correo, marque la casilla de consentimiento.",
        "en": "To keep your name or e-mail, tick the consent box.",
    },
    "participa.err.hito": {"es": "Elija un hito de la lista.", "en": "Choose a milestone."},
    "participa.err.cuerpo": {"es": "Formulario inválido.", "en": "Invalid form."},
    "participa.err.unavailable": {
        "es": "No se pudo guardar en este momento. Intente de nuevo en unos minutos.",
        "en": "It could not be saved right now. Try again in a few minutes.",
    },
    # Public page
    "participa.title": {"es": "Participa", "en": "Participate"},
    "participa.intro": {
        "es": "El compromiso GT0112 se evalúa con las sugerencias de la población recibidas en "
              "este mismo sitio. Use el botón «Enviar sugerencia», en cualquier página, para "
              "preguntar, señalar un error en los datos o proponer mejoras. Aquí se publican los "
              "mensajes revisados y las respuestas del Ministerio.",
        "en": "Commitment GT0112 is evaluated through the suggestions of the population received "
              "on this same website. Use the “Send feedback” button, on any page, to ask, report "
              "a data error or propose improvements. Reviewed messages and the Ministry's "
              "answers are published here.",
    },
    "participa.lookup.title": {"es": "Consultar mi número de seguimiento",
                               "en": "Look up my tracking number"},
    "participa.lookup.label": {"es": "Número de seguimiento", "en": "Tracking number"},
    "participa.lookup.button": {"es": "Consultar", "en": "Look up"},
    "participa.lookup.not_found": {
        "es": "No encontramos ese número. Revise que esté completo (GT-AAAA-XXXXXXXX).",
        "en": "We could not find that number. Check it is complete (GT-YYYY-XXXXXXXX).",
    },
    "participa.lookup.status": {"es": "Estado: {estado}", "en": "Status: {estado}"},
    "participa.lookup.rate_limited": {
        "es": "Demasiadas consultas seguidas; espere un minuto e intente de nuevo.",
        "en": "Too many look-ups in a row; wait a minute and try again.",
    },
    "participa.estado.nuevo": {"es": "Recibido, en revisión", "en": "Received, under review"},
    "participa.estado.publicado": {"es": "Publicado", "en": "Published"},
    "participa.estado.oculto": {"es": "No publicado", "en": "Not published"},
    "participa.estado.respondido": {"es": "Respondido", "en": "Answered"},
    "participa.charts.title": {"es": "¿Sobre qué preguntan los ciudadanos?",
                               "en": "What do citizens ask about?"},
    "participa.charts.note": {
        "es": "Cuenta los mensajes publicados.", "en": "Counts published messages.",
    },
    "participa.chart.tipo": {"es": "Por tipo", "en": "By type"},
    "participa.chart.depto": {"es": "Por departamento de la vista", "en": "By department viewed"},
    "participa.chart.indicador": {"es": "Por indicador de la vista", "en": "By indicator viewed"},
    "participa.chart.mes": {"es": "Por mes", "en": "By month"},
    "participa.chart.count": {"es": "Mensajes", "en": "Messages"},
    "participa.chart.table": {"es": "Ver como tabla", "en": "Show as a table"},
    "participa.chart.empty": {"es": "Aún no hay mensajes publicados.",
                              "en": "No published messages yet."},
    "participa.list.title": {"es": "Mensajes publicados y respuestas",
                             "en": "Published messages and answers"},
    "participa.list.filter_tipo": {"es": "Filtrar por tipo", "en": "Filter by type"},
    "participa.list.all": {"es": "Todos", "en": "All"},
    "participa.list.empty": {"es": "No hay mensajes publicados con este filtro.",
                             "en": "No published messages with this filter."},
    "participa.list.reply": {"es": "Respuesta del Ministerio", "en": "Ministry's answer"},
    "participa.list.view": {"es": "Vista comentada", "en": "View commented on"},
    "participa.list.prev": {"es": "Anteriores", "en": "Previous"},
    "participa.list.next": {"es": "Siguientes", "en": "Next"},
    "participa.list.page": {"es": "Página {page} de {pages} ({total} mensajes)",
                            "en": "Page {page} of {pages} ({total} messages)"},
    "participa.api": {"es": "Los mensajes publicados también están en la API:",
                      "en": "Published messages are also in the API:"},
    # Staff moderation
    "participa.mod.title": {"es": "Moderación de sugerencias", "en": "Feedback moderation"},
    "participa.mod.queue": {"es": "Cola", "en": "Queue"},
    "participa.mod.all": {"es": "Todas", "en": "All"},
    "participa.mod.publish": {"es": "Publicar", "en": "Publish"},
    "participa.mod.hide": {"es": "Ocultar", "en": "Hide"},
    "participa.mod.reply": {"es": "Responder en público", "en": "Reply in public"},
    "participa.mod.reply_label": {"es": "Respuesta pública", "en": "Public reply"},
    "participa.mod.contact": {"es": "Contacto (no público)", "en": "Contact (not public)"},
    "participa.mod.empty": {"es": "No hay mensajes en esta cola.", "en": "This queue is empty."},
    "participa.mod.done": {"es": "Acción registrada", "en": "Action recorded"},
    "participa.mod.error": {"es": "No se pudo aplicar la acción", "en": "The action failed"},
    "participa.mod.audited": {
        "es": "Cada acción queda en el registro de auditoría.",
        "en": "Every action is recorded in the audit log.",
    },
}
