import { BlockList, isIPv4 } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SecurityConfig } from '../../lib/config.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
export const plainIp = (ip: string) => (ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip);

/** Networks whose clients skip the per-IP limits (a campus NAT, the benchmark's loopback). */
export function allowListOf(ranges: string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const range of ranges) {
    const [address, bits] = range.split('/') as [string, string | undefined];
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (ip) => {
    const plain = plainIp(ip);
    return list.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  };
}

type Counter = { current: number; iterationStartMs: number };

/**
 * The plugin's own memory store keeps one counter set per route; this one is shared by every
 * route, keyed by client and `groupId`, so all the logins of a client count together whichever
 * profile's route they hit. Fixed windows, at most `maxKeys` clients remembered (oldest dropped).
 */
class SharedWindowStore {
  private readonly counters = new Map<string, Counter>();
  constructor(private readonly maxKeys = 50_000) {}

  incr(key: string, callback: (error: Error | null, result: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    let counter = this.counters.get(key);
    if (!counter || counter.iterationStartMs + timeWindow <= now) counter = { current: 0, iterationStartMs: now };
    counter.current += 1;
    this.counters.delete(key);
    this.counters.set(key, counter);
    if (this.counters.size > this.maxKeys) this.counters.delete(this.counters.keys().next().value!);
    callback(null, { current: counter.current, ttl: counter.iterationStartMs + timeWindow - now });
  }

  read(key: string, callback: (error: Error | null, result: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    const counter = this.counters.get(key);
    if (!counter || counter.iterationStartMs + timeWindow <= now) callback(null, { current: 0, ttl: 0 });
    else callback(null, { current: counter.current, ttl: counter.iterationStartMs + timeWindow - now });
  }

  child(): SharedWindowStore {
    return this;
  }
}

/**
 * Per-client-IP limits (`@fastify/rate-limit`), on the routes that check a password, that mail an
 * address somebody typed, or that look the graduate registry up: no global cap (one attacker would
 * lock everyone out), generous defaults (a whole campus can sit behind one NAT address), and an
 * allow-list of trusted networks. The client IP is Fastify's `request.ip`, which follows
 * X-Forwarded-For only from TRUSTED_PROXIES. Each replica counts its own clients.
 */
export async function installRateLimits(app: FastifyInstance, security: SecurityConfig): Promise<void> {
  const allowed = allowListOf(security.rateLimit.allowList);
  const store = new SharedWindowStore();
  await app.register(rateLimit, {
    global: false,
    store: function SharedStore() {
      return store;
    } as never,
    allowList: (request: FastifyRequest) => allowed(request.ip),
    keyGenerator: (request: FastifyRequest) => plainIp(request.ip),
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(ErrorKind.TooManyAttempts, msg('security.tooManyRequests', { seconds: retryAfterSeconds }), undefined, {
        retryAfterSeconds,
      });
    },
  });
}

/** The `config` of a route, by what it does; routes of one kind share their counter (`groupId`). */
export function routeLimits(security: SecurityConfig) {
  const { windowMs, loginPerIp, mailPerIp, registryLookupsPerIp, registryLookupWindowMs } = security.rateLimit;
  return {
    /** Checks a password: logins of every profile, the graduate's registration steps. */
    passwordCheck: { rateLimit: { max: loginPerIp, timeWindow: windowMs, groupId: 'password-check' } },
    /** Mails an address the requester typed. */
    mailToTypedAddress: { rateLimit: { max: mailPerIp, timeWindow: windowMs, groupId: 'mail-to-typed-address' } },
    /** Looks a person up in the graduate registry. */
    registryLookup: { rateLimit: { max: registryLookupsPerIp, timeWindow: registryLookupWindowMs, groupId: 'registry-lookup' } },
  };
}

export type RouteLimits = ReturnType<typeof routeLimits>;
