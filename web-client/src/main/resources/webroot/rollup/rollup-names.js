// What the roll-up's screens share: the continuum's row ids in order, their names, and the link to a team's evidence.
import { t } from '../i18n/i18n.js';
import { spacePath } from '../app/routes.js';

export const ROWS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6'];

export const LEVELS = ['emerging', 'developing', 'transforming', 'insufficient', 'not-rated'];

/** A row's name as the roll-up gives it, in the reader's language. */
export const rowName = (rollup, id) => rollup.rowNames?.[id] ?? id;

export const levelName = (level) => t(`rollup.level.${level}`);

/** The team's culture tab; with a row, the evidence behind that row. */
export const evidencePath = (teamId, row) => spacePath(teamId, 'culture') + (row ? `?row=${encodeURIComponent(row)}` : '');
