/**
 * A shown match's score read as what it is: the verifier's calibrated probability that the two
 * sentences make the same claim (see src/core/verify/README.md, "Fitting and calibration"), in
 * words for the popup, the report pages and the hover card alike.
 */
import { t } from './i18n';

/** The chance in whole percent, from 1 to 99: no match is shown as certain, or as impossible. */
export function chancePercent(score: number): number {
  if (!Number.isFinite(score)) return 1;
  return Math.min(99, Math.max(1, Math.round(score * 100)));
}

/** The chip's text: "79% same claim". */
export function chanceText(score: number): string {
  return t('matchChance', String(chancePercent(score)));
}

/** What the chance means, for the chip's tooltip. */
export function chanceTitle(score: number): string {
  return t('matchChanceTitle', String(chancePercent(score)));
}
