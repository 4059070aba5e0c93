// What the team sheet and the space sheet say alike: a level in words, with its score when there is one.
import { t, currentLanguage } from '../i18n/i18n.js';

export function levelWithScore(level, score) {
  const name = t(`report.levels.${level}`);
  // A score on the 1-3 scale reads best with one decimal at least ("3.0", "2.33"), as in the PDF.
  const number = new Intl.NumberFormat(currentLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  return score == null ? name : t('report.levelScore', { level: name, score: number.format(score) });
}
