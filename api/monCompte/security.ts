import type { EntAccount } from '../../db/entAccounts.js';
import type { Session } from '../../db/sessions.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import { directoryPolicy } from '../../lib/ldap/policy.js';
import { parseLinkToken } from '../../lib/ldap/requestSecrets.js';
import { passwordPolicy } from '../../lib/passwords.js';
import { hashToken } from '../../lib/secrets.js';
import type { ApiDeps } from '../deps.js';
import { passwordReusesIdentity } from '../schemas.js';
import type { DirectoryAccess } from './directoryAccess.js';
import type { DirectoryRequests } from './requests.js';

const identityRefusal = () =>
  new AppError(ErrorKind.Validation, msg('security.passwordContainsIdentity'), { password: msg('security.passwordContainsIdentity') });

/**
 * « Connexion et sécurité »: the platform as the institution's account-activation service. Its
 * own password policy is checked first (the zod schema, then the identity rule); the directory's
 * (ppolicy) decides last and its refusals come back in French.
 */
export function createSecurityUseCases(deps: ApiDeps, access: DirectoryAccess, requests: DirectoryRequests) {
  const { db, config } = deps;

  return {
    criteria: { minLength: passwordPolicy.minLength, history: directoryPolicy.pwdInHistory },
    configured: access.configured,

    /** Changes the password with the current one; ends the person's other platform sessions; mails a confirmation. */
    async changePassword(account: EntAccount, session: Session, body: { currentPassword: string; password: string }) {
      if (passwordReusesIdentity(body.password, [account.first_name, account.last_name, account.subject], account.email ?? undefined))
        throw identityRefusal();
      await access.call((directory) => directory.changeOwnPassword(account.subject, body.currentPassword, body.password));
      // The platform's own sessions end (but this one); the CAS server's are the institution's (README).
      await db('sessions')
        .where({ principal_kind: session.principal_kind, principal_id: account.id })
        .whereNot({ id: session.id })
        .whereNull('revoked_at')
        .update({ revoked_at: db.fn.now() });
      const person = await access
        .require()
        .findByLogin(account.subject)
        .catch(() => undefined);
      const mailTo = person?.personalMail ?? account.email;
      if (mailTo)
        await requests.start({
          kind: 'passwordChangeConfirmation',
          login: account.subject,
          accountId: account.id,
          mailTo,
          firstName: account.first_name,
          windowMs: 0,
          usedAt: new Date(),
        });
    },

    /**
     * « Première connexion ? » step 1. The answer is the same whether or not the account exists: a
     * handle the page carries to step 2. A row and its lifecycle exist only when the directory knows
     * this student number with this birth date, no password yet and a personal address.
     */
    async startActivation(body: { studentNumber: string; birthDate: string }): Promise<{ handle: string }> {
      const directory = access.require();
      const handle = crypto.randomUUID();
      const person = await access.call(() => directory.findByStudentNumber(body.studentNumber));
      const eligible = person && !person.activated && person.personalMail && person.birthDate === body.birthDate;
      if (eligible && (await requests.within('accountActivation-login', person.login, 3, config.directory.activationMs)))
        await requests.start({
          id: handle,
          kind: 'accountActivation',
          login: person.login,
          mailTo: person.personalMail!,
          firstName: person.givenName,
          windowMs: config.directory.activationMs,
        });
      return { handle };
    },

    /** Step 2: the mailed code and the chosen password; 5 tries per handle, then the code is dead. */
    async completeActivation(body: { handle: string; code: string; password: string }): Promise<void> {
      access.require();
      if (!(await requests.within('accountActivation-code', body.handle, 5, config.directory.activationMs)))
        throw new AppError(ErrorKind.TooManyAttempts, msg('monCompte.codeInvalid'), { code: msg('monCompte.codeInvalid') });
      const done = await requests.use({ id: body.handle, kind: 'accountActivation', secretHash: hashToken(body.code) }, async (request) => {
        if (passwordReusesIdentity(body.password, [request.first_name, request.login], request.mail_to)) throw identityRefusal();
        await access.call((directory) => directory.setPassword(request.login, body.password));
        return true;
      });
      if (!done) throw new AppError(ErrorKind.Validation, msg('monCompte.codeInvalid'), { code: msg('monCompte.codeInvalid') });
    },

    /** « Mot de passe oublié ? »: the same answer whatever the login; a link only to an activated account with a personal address. */
    async startRecovery(body: { login: string }): Promise<void> {
      const directory = access.require();
      const person = await access.call(() => directory.findByLogin(body.login));
      if (
        person?.activated &&
        person.personalMail &&
        (await requests.within('passwordRecovery-login', person.login, 3, config.directory.recoveryMs))
      )
        await requests.start({
          kind: 'passwordRecovery',
          login: person.login,
          mailTo: person.personalMail,
          firstName: person.givenName,
          windowMs: config.directory.recoveryMs,
        });
    },

    /** The link's page posts the new password: set in the directory with the service account, the link used once. */
    async completeRecovery(token: string, body: { password: string }): Promise<void> {
      access.require();
      const parsed = parseLinkToken(token);
      const done =
        parsed &&
        (await requests.use({ id: parsed.requestId, kind: 'passwordRecovery', secretHash: parsed.secretHash }, async (request) => {
          if (passwordReusesIdentity(body.password, [request.first_name, request.login], request.mail_to)) throw identityRefusal();
          await access.call((directory) => directory.setPassword(request.login, body.password));
          return true;
        }));
      if (!done) throw new AppError(ErrorKind.Expired, msg('monCompte.linkInvalid'));
    },
  };
}
