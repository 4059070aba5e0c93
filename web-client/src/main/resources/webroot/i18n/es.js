// El catálogo en español: las mismas claves que en.js, con los textos en español. Sections are added in en.js's
// order; a test fails when a key of one catalog is missing from the other.
export default {
  culture: {
  },

  rollup: {
  },

  report: {
  },

  exports: {
    menu: 'Exportar',
    intro: 'Descarga el registro de este equipo para una hoja de cálculo o un archivo.',
    file: {
      meetings: 'Reuniones',
      attendance: 'Asistencia (una fila por persona y reunión)',
      actionItems: 'Acciones',
      decisions: 'Decisiones',
      history: 'Historial completo (JSON y tablas)',
    },
  },

  calendar: {
    teamTitle: 'Calendario',
    mineTitle: 'Calendario suscrito',
    introTeam: 'Suscríbete a las reuniones de este equipo en Google Calendar, Outlook o Calendario de Apple. Los cambios y las cancelaciones aparecerán ahí solos.',
    introMine: 'Un solo calendario con las reuniones de todos los equipos que puedes ver, para Google Calendar, Outlook o Calendario de Apple.',
    create: 'Obtener enlace de calendario',
    urlLabel: 'Enlace del calendario',
    copy: 'Copiar enlace',
    copied: 'Enlace copiado.',
    howTo: 'En tu aplicación de calendario, elige agregar un calendario desde una URL (suscribirse) y pega este enlace.',
    private: 'No lo compartas: cualquier persona con el enlace puede ver estas reuniones.',
    exists: 'Se creó un enlace de calendario el {created}.',
    lastUsed: 'Una aplicación de calendario lo leyó por última vez el {used}.',
    neverUsed: 'Ninguna aplicación de calendario lo ha leído todavía.',
    shownOnce: 'Por seguridad, el enlace solo se muestra al crearlo. Para verlo otra vez, obtén un enlace nuevo.',
    reset: 'Obtener un enlace nuevo',
    remove: 'Quitar enlace',
    resetHint: 'Un enlace nuevo, o quitarlo, hace que el anterior deje de funcionar en todos los calendarios que lo usan.',
    madeAnnounce: 'Hay un nuevo enlace de calendario listo para copiar.',
    removedAnnounce: 'Enlace de calendario quitado.',
  },
};
