import { openRequestsOf } from '../../db/directoryRequests.js';
import type { EntAccount } from '../../db/entAccounts.js';
import { findPersonalDetails, savePersonalDetails } from '../../db/personalDetails.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { parseLinkToken } from '../../lib/ldap/requestSecrets.js';
import type { ApiDeps } from '../deps.js';
import type { DirectoryAccess } from './directoryAccess.js';
import type { DirectoryRequests } from './requests.js';

export interface PersonalInformation {
  identity: { lastName: string; firstName: string; studentNumber: string | null; login: string };
  phone: string | null;
  postalAddress: string | null;
  /** From the directory; `unavailable` when it does not answer, `notConfigured` without one. */
  personalEmail: { status: 'known' | 'none' | 'unavailable' | 'notConfigured'; address: string | null; pending: string | null };
}

/** « Mes informations personnelles »: identity from the ENT (read-only), what the person maintains. */
export function createInformationUseCases(deps: ApiDeps, access: DirectoryAccess, requests: DirectoryRequests) {
  const { db, config } = deps;

  async function personalEmailOf(account: EntAccount): Promise<PersonalInformation['personalEmail']> {
    const pending = (await openRequestsOf(db, account.id, 'personalEmailChange'))[0]?.mail_to ?? null;
    if (!access.configured) return { status: 'notConfigured', address: null, pending };
    const person = await access
      .require()
      .findByLogin(account.subject)
      .catch(() => 'unavailable' as const);
    if (person === 'unavailable') return { status: 'unavailable', address: null, pending };
    return { status: person?.personalMail ? 'known' : 'none', address: person?.personalMail ?? null, pending };
  }

  return {
    async view(account: EntAccount): Promise<PersonalInformation> {
      const details = await findPersonalDetails(db, account.id);
      return {
        identity: {
          lastName: account.last_name,
          firstName: account.first_name,
          studentNumber: account.student_number,
          login: account.subject,
        },
        phone: details?.phone ?? null,
        postalAddress: details?.postal_address ?? null,
        personalEmail: await personalEmailOf(account),
      };
    },

    async saveDetails(account: EntAccount, body: { phone: string; postalAddress: string }) {
      const saved = await savePersonalDetails(db, account.id, { phone: body.phone || null, postalAddress: body.postalAddress || null });
      return { phone: saved.phone, postalAddress: saved.postal_address };
    },

    /** A new personal address: a validation link goes to it; it counts once validated (personalEmailChange). */
    async requestPersonalEmail(account: EntAccount, email: string): Promise<void> {
      access.require();
      if (!(await requests.within('personalEmailChange-account', account.id, 5, config.lifetimes.emailChangeMs)))
        throw new AppError(ErrorKind.TooManyAttempts, msg('security.tooManyRequests', { seconds: 3600 }));
      await requests.start({
        kind: 'personalEmailChange',
        login: account.subject,
        accountId: account.id,
        mailTo: email,
        firstName: account.first_name,
        windowMs: config.lifetimes.emailChangeMs,
      });
    },

    /** The link of the new address was followed: the directory gets it (service account), then the lifecycle ends. */
    async confirmPersonalEmail(token: string): Promise<void> {
      const parsed = parseLinkToken(token);
      const applied =
        parsed &&
        (await requests.use({ id: parsed.requestId, kind: 'personalEmailChange', secretHash: parsed.secretHash }, (request) =>
          access.call(async (directory) => {
            await directory.setPersonalMail(request.login, request.mail_to);
            return true;
          }, 'email'),
        ));
      if (applied === undefined) throw new AppError(ErrorKind.Expired, msg('monCompte.linkInvalid'));
    },
  };
}
