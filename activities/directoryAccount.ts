import { ApplicationFailure } from '@temporalio/activity';
import { endDirectoryRequest, findDirectoryRequest, setDirectoryRequestStatus, storeSecretHash } from '../db/directoryRequests.js';
import { ErrorKind } from '../lib/errors.js';
import { activationCodeFor, linkSecretFor, linkTokenOf } from '../lib/ldap/requestSecrets.js';
import { hashToken } from '../lib/secrets.js';
import { activationCode } from '../mail/templates/directoryAccount/activationCode.js';
import { emailChangeLink } from '../mail/templates/directoryAccount/emailChangeLink.js';
import { type DirectoryOutcomeMail, directoryOutcome } from '../mail/templates/directoryAccount/outcome.js';
import { recoveryLink } from '../mail/templates/directoryAccount/recoveryLink.js';
import type { ActivityDeps } from './kit/context.js';
import { stepKey } from './kit/context.js';
import type { PhaseProjections } from './kit/lifecycle.js';
import { deliverOnce } from './kit/mailing.js';

/** Each directory lifecycle's phase is its request row's status. */
const projectStatus: PhaseProjections[string] = async (tx, entry) => setDirectoryRequestStatus(tx, entry.subjectId, entry.status);
export const phaseProjections: PhaseProjections = {
  accountActivation: projectStatus,
  passwordRecovery: projectStatus,
  personalEmailChange: projectStatus,
  passwordChangeConfirmation: projectStatus,
};

export function createActivities(deps: ActivityDeps) {
  const { db, config } = deps;

  async function requireRequest(requestId: string) {
    const request = await findDirectoryRequest(db, requestId);
    if (!request) throw ApplicationFailure.nonRetryable(`directory request ${requestId} does not exist`, ErrorKind.NotFound);
    return request;
  }

  return {
    /** Succeeds once the API's row is visible; throws (retryable, bounded by the workflow) until then. */
    async requireDirectoryRequestRow({ requestId }: { requestId: string }) {
      if (!(await findDirectoryRequest(db, requestId))) throw new Error(`directory request ${requestId} is not stored (yet)`);
    },

    /** Mails the request's code or link (its hash stored first, so a click that beats the mail is recognised); once. */
    async mailDirectorySecret({ requestId }: { requestId: string }) {
      const request = await requireRequest(requestId);
      const base = config.http.publicBaseUrl;
      const { first_name: firstName, login, expires_at: expiresAt } = request;
      if (request.kind === 'accountActivation') {
        const code = activationCodeFor(config.secret, requestId);
        await storeSecretHash(db, requestId, hashToken(code));
        const rendered = activationCode({ firstName, login, code, expiresAt });
        return deliverOnce(deps, { key: stepKey('secret-mail'), template: 'activationCode', to: request.mail_to, rendered });
      }
      await storeSecretHash(db, requestId, hashToken(linkSecretFor(config.secret, requestId)));
      const token = linkTokenOf(config.secret, requestId);
      const rendered =
        request.kind === 'passwordRecovery'
          ? recoveryLink({ firstName, login, url: `${base}/ent/mot-de-passe-oublie/${token}`, expiresAt })
          : emailChangeLink({ firstName, url: `${base}/mon-compte/adresse-personnelle/${token}`, expiresAt });
      return deliverOnce(deps, { key: stepKey('secret-mail'), template: request.kind, to: request.mail_to, rendered });
    },

    /** The deadline passed: the secret stops working; answers whether the API used it just before. */
    async endDirectoryRequest({ requestId }: { requestId: string }) {
      return endDirectoryRequest(db, requestId);
    },

    /** Tells the person what happened (at the request's address), once. */
    async mailDirectoryOutcome({ requestId, outcome }: { requestId: string; outcome: DirectoryOutcomeMail }) {
      const request = await requireRequest(requestId);
      const rendered = directoryOutcome({ firstName: request.first_name, outcome });
      return deliverOnce(deps, { key: stepKey('outcome-mail'), template: `directory-${outcome}`, to: request.mail_to, rendered });
    },
  };
}

export type DirectoryAccountActivities = ReturnType<typeof createActivities>;
