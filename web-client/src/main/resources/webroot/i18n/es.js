// El catálogo en español: las mismas claves que en.js, con los textos en español. Sections are added in en.js's
// order; a test fails when a key of one catalog is missing from the other.
export default {
  culture: {
  },

  rollup: {
  },

  report: {
    link: 'Informe del equipo para imprimir',
    back: 'Volver al equipo',
    print: 'Imprimir',
    downloadPdf: 'Descargar PDF',
    downloadPdfA4: 'PDF en papel A4',
    heading: 'Informe del equipo',
    window: 'Período: del {from} al {to} ({days} días)',
    level: 'Nivel',
    levelScore: '{level} ({score})',
    attendance: 'Asistencia',
    meetingsHeld: 'Reuniones realizadas',
    none: 'Aún no hay datos',
    rows: 'Las dieciséis filas',
    row: 'Fila',
    nextStep: 'Próximo paso',
    levels: {
      emerging: 'Emergente', developing: 'En desarrollo', transforming: 'Transformador',
      insufficient: 'Datos insuficientes', 'not-rated': 'Sin calificar',
    },
    actions: 'Acciones pendientes',
    noActions: 'No hay acciones pendientes.',
    action: 'Acción',
    owner: 'Responsable',
    due: 'Fecha límite',
    status: 'Estado',
    statuses: { open: 'Abierta', 'in-progress': 'En curso' },
    unowned: 'Sin responsable',
    moreActions: { one: 'Una acción pendiente más en Cadre.', other: '{count} acciones pendientes más en Cadre.' },
  },

  exports: {
  },

  calendar: {
  },
};
