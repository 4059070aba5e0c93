// How long a step or a whole protocol takes, in the user's language.
import { t } from '../i18n/i18n.js';

/** "10 min" when it has one length, "10 to 15 min" when it has a range. */
export const minutesOf = (min, max) => (min === max ? t('protocols.exactMinutes', { count: max }) : t('protocols.minutes', { min, max }));
