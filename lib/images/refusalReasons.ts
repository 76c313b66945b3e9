import { t } from '../i18n/index.js';

/** The card office's reasons for refusing a photo: codes, labelled by the catalogue (`studentCard.reason_<code>`). */
export const refusalReasons = [
  'face_not_visible',
  'background_not_plain',
  'head_covered',
  'several_people',
  'not_recent',
  'bad_quality',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

/** A reason's label in the reader's language (an unknown code is shown as it is). */
export function refusalReasonText(code: string, lang: 'fr' | 'en'): string {
  return (refusalReasons as readonly string[]).includes(code) ? t(`studentCard.reason_${code as RefusalReason}`, lang) : code;
}
