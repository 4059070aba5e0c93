// El catálogo en español: las mismas claves que en.js, con los textos en español. Sections are added in en.js's
// order; a test fails when a key of one catalog is missing from the other.
export default {
  culture: {
  },

  rollup: {
    tab: 'Resumen de cultura',
    title: 'Cultura colaborativa en {space}',
    intro: 'Cómo puntúan los equipos de este espacio en el continuo de Cultura Colaborativa, a partir de los registros de sus propias reuniones.',
    asOf: 'Calculado el {date}',
    teams: { one: '{count} equipo', other: '{count} equipos' },
    hiddenNote: { one: '{count} de ellos no está compartido contigo: solo se cuenta, nunca se nombra.', other: '{count} de ellos no están compartidos contigo: solo se cuentan, nunca se nombran.' },
    download: 'Descargar la tabla (CSV)',
    updated: 'Se actualizó el resumen de cultura.',
    empty: 'Todavía no hay equipos en este espacio. Cuando los equipos tengan reuniones, sus puntajes aparecerán aquí.',
    refused: 'El resumen de cultura de este espacio no está compartido contigo.',
    support: {
      title: 'Equipos que necesitan apoyo',
      none: 'Ningún equipo necesita apoyo por ahora: ninguno está en nivel emergente ni en descenso.',
      hiddenOnly: { one: '{count} equipo que no puedes abrir necesita apoyo.', other: '{count} equipos que no puedes abrir necesitan apoyo.' },
      alsoHidden: { one: 'Y {count} equipo que no puedes abrir.', other: 'Y {count} equipos que no puedes abrir.' },
      reasonEmerging: 'Emergente en general',
      reasonDeclined: 'El puntaje bajó: {change}',
      score: 'puntaje {score}',
    },
    grid: {
      title: 'Estado y cambio',
      intro: 'Cada equipo aparece donde su puntaje actual (estado) se cruza con cómo cambió desde el período anterior (cambio). Los colores siguen la cuadrícula del tablero.',
      caption: 'Equipos por estado (filas) y cambio (columnas)',
      statusHeader: 'Estado',
      hidden: { one: '+{count} equipo no compartido', other: '+{count} equipos no compartidos' },
      emptyCell: 'Sin equipos',
      unplaced: 'Aún sin reuniones suficientes para un estado:',
      unplacedHidden: { one: '{count} equipo no compartido', other: '{count} equipos no compartidos' },
    },
    heatmap: {
      title: 'Filas del continuo, equipo por equipo',
      intro: 'Cada celda es el nivel del equipo en una fila; ábrela para ver la evidencia que la respalda.',
      caption: 'Niveles de cada fila del continuo por equipo, agrupados por {groupKind}',
      rowHeader: 'Fila',
      overall: 'General',
      cellLabel: '{team}, {row}:',
      noneVisible: 'Ninguno de estos equipos está compartido contigo, por eso solo aparecen sus cantidades.',
      hiddenGroup: { one: '{count} equipo en un espacio no compartido contigo', other: '{count} equipos en un espacio no compartido contigo' },
      hiddenInGroup: { one: '+{count} equipo no compartido', other: '+{count} equipos no compartidos' },
      scroll: 'La tabla se desplaza hacia los lados.',
    },
    distributions: {
      title: 'Niveles por fila',
      intro: 'Cuántos equipos hay en cada nivel de cada fila, contando todos los equipos de este espacio.',
      caption: 'Número de equipos en cada nivel, fila por fila',
    },
    groupKind: { network: 'red', district: 'distrito', site: 'escuela', team: 'equipo' },
    level: {
      emerging: 'Emergente', developing: 'En desarrollo', transforming: 'Transformador',
      insufficient: 'Datos insuficientes', 'not-rated': 'Sin valorar',
    },
    status: { 'very-high': 'Muy alto', high: 'Alto', medium: 'Medio', low: 'Bajo', 'very-low': 'Muy bajo' },
    change: {
      'declined-significantly': 'Bajó mucho', declined: 'Bajó', maintained: 'Se mantuvo',
      increased: 'Subió', 'increased-significantly': 'Subió mucho',
    },
    colour: { red: 'Rojo', orange: 'Naranja', yellow: 'Amarillo', green: 'Verde', blue: 'Azul' },
    rows: {
      A1: 'Enfoque en los resultados de los estudiantes',
      A2: 'Estrategias ligadas a las metas',
      A3: 'Análisis de datos con protocolos',
      A4: 'Actuar según lo que muestran los datos',
      A5: 'Revisión de planes de apoyo',
      A6: 'Retroalimentación y preguntas de fondo',
      B1: 'Creer que todo estudiante puede lograrlo',
      B2: 'Acuerdos comunes sobre el apoyo',
      B3: 'Equidad y acceso',
      B4: 'Reflexión sobre el impacto de las políticas',
      C1: 'Reuniones regulares y buena asistencia',
      C2: 'Agendas y materiales con anticipación',
      C3: 'Normas y protocolos respetados',
      C4: 'Liderazgo y decisiones estructuradas',
      C5: 'Tareas con responsable y fecha',
      C6: 'Acciones sobre las causas de fondo',
    },
  },

  report: {
  },

  exports: {
  },

  calendar: {
  },
};
