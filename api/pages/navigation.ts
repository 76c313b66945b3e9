import type { PrincipalKind } from '../../db/sessions.js';
import type { PlainKey } from '../../lib/i18n/index.js';

/**
 * The header's menu: one line per entry, shown to everyone or only to some kinds of logged-in
 * people. A journey that adds pages for a kind of person adds its entry here (one line, in the
 * order it should appear).
 */
export interface NavEntry {
  href: string;
  label: PlainKey;
  /** Who sees it: everyone when absent; `'visitor'` for people not logged in. */
  for?: readonly (PrincipalKind | 'visitor')[];
}

export const navigation: readonly NavEntry[] = [
  { href: '/', label: 'page.navHome' },
  { href: '/offre-de-formation', label: 'page.navProgrammes' },
  { href: '/carriere', label: 'pageCareer.nav', for: ['graduate', 'student', 'recruiter'] },
  { href: '/formation-continue', label: 'pageTraining.nav' },
  { href: '/formation-continue/mes-candidatures', label: 'pageTraining.navMine', for: ['candidate', 'student', 'staff_ent'] },
  { href: '/mon-compte/badge', label: 'pageStudentCard.nav', for: ['student'] },
  { href: '/assistance', label: 'page.navAssistance' },
  { href: '/personnels/decisions', label: 'pageStaff.nav', for: ['staff', 'staff_ent'] },
  { href: '/administration', label: 'pageStaff.navAdmin', for: ['staff'] },
];

/** Each kind of account's own space, where « Mon espace » and a login lead. */
export const homeOf: Record<PrincipalKind, string> = {
  candidate: '/mon-compte',
  graduate: '/diplomes/mon-compte',
  recruiter: '/entreprises/mon-compte',
  student: '/ent/accueil',
  staff_ent: '/ent/accueil',
  staff: '/personnels/decisions',
};

/** Where each kind logs out: the ENT's own route also ends the single sign-on session. */
export const logoutPathOf = (kind: PrincipalKind) => (kind === 'student' || kind === 'staff_ent' ? '/ent/deconnexion' : '/deconnexion');
