import { eventIdHeader, sign, signatureHeader } from './signature.js';

export interface WebhookTarget {
  url: string;
  secret: string;
  timeoutMs: number;
}

/** Thrown when the receiver did not acknowledge: the calling activity retries (with backoff). */
export class NotAcknowledged extends Error {
  constructor(
    readonly status: number | undefined,
    detail: string,
  ) {
    super(`webhook not acknowledged (${status ?? 'no answer'}): ${detail}`);
    this.name = 'NotAcknowledged';
  }
}

/**
 * POSTs one event, signed at the moment of sending (each retry carries a fresh timestamp, the same
 * event id and body). Any 2xx is the acknowledgement; anything else, or no answer, throws.
 */
export async function deliverWebhook(target: WebhookTarget, event: { id: string; body: string }, now = Date.now()): Promise<number> {
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [eventIdHeader]: event.id,
        [signatureHeader]: sign(event.body, target.secret, Math.floor(now / 1000)),
      },
      body: event.body,
      signal: AbortSignal.timeout(target.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw new NotAcknowledged(undefined, (error as Error).message);
  }
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status >= 300) throw new NotAcknowledged(response.status, response.statusText);
  return response.status;
}
