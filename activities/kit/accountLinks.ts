import { findMail } from '../../db/mailLog.js';
import { findTokenByIssueKey, issueToken, type LinkPurpose } from '../../db/tokens.js';
import { hashToken, linkTokenFor } from '../../lib/secrets.js';
import type { RenderedMail } from '../../mail/layout.js';
import { type ActivityDeps, currentWorkflowId, stepKey } from './context.js';
import { deliverOnce } from './mailing.js';

/**
 * The validation link of a graduate or recruiter address, issued like the candidate's
 * (`issueCandidateLink`): the token is stored hashed under the id the workflow chose, the raw value
 * only travels in the mail, and a retry after the mail left returns the same token.
 */
export async function issueAccountLink(
  deps: ActivityDeps,
  link: {
    subjectId: string;
    tokenId: string;
    purpose: LinkPurpose;
    step: string;
    expiresAt: number;
    to: string;
    render: (url: string, expiresAt: Date) => RenderedMail;
  },
): Promise<{ tokenId: string; expiresAt: number }> {
  const { db, config } = deps;
  const key = stepKey(link.step);
  const alreadyMailed = await findMail(db, key);
  const existing = alreadyMailed?.sent_at ? await findTokenByIssueKey(db, key) : undefined;
  if (existing) return { tokenId: existing.id, expiresAt: existing.expires_at.getTime() };

  const raw = linkTokenFor(config.secret, link.tokenId);
  const token = await issueToken(db, {
    id: link.tokenId,
    purpose: link.purpose,
    subjectId: link.subjectId,
    workflowId: currentWorkflowId(),
    issueKey: key,
    tokenHash: hashToken(raw),
    expiresAt: new Date(link.expiresAt),
  });
  const rendered = link.render(`${config.http.publicBaseUrl}/liens/${raw}`, token.expires_at);
  await deliverOnce(deps, { key, template: link.purpose, to: link.to, rendered });
  return { tokenId: token.id, expiresAt: token.expires_at.getTime() };
}
