import { isIP } from 'node:net';
import { z } from 'zod';
import { mailLinkTemplates } from '../mail/links.js';
import { parsePayloadKeys } from './codec/payloadKeys.js';
import { parseDuration } from './duration.js';

/**
 * Runtime configuration, parsed once at start from the environment. A missing or malformed value
 * stops the process with a message naming the variable (see `loadConfig`). Every variable is
 * documented in README.md.
 */
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration such as P5D, PT1H or PT30S')
    .transform((v) => parseDuration(v)!);

const optionalPath = z.string().min(1).optional();

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_BASE_URL: z.url().transform((u) => u.replace(/\/+$/, '')),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL'),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    TEMPORAL_ADDRESS: z.string().default('localhost:7233'),
    TEMPORAL_NAMESPACE: z.string().default('default'),
    TEMPORAL_TASK_QUEUE: z.string().default('university-approvals'),
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(500),
    TEMPORAL_API_KEY: z.string().min(1).optional(),
    TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
    TEMPORAL_TLS_CERT_PATH: optionalPath,
    TEMPORAL_TLS_KEY_PATH: optionalPath,
    TEMPORAL_TLS_CA_PATH: optionalPath,
    TEMPORAL_TLS_SERVER_NAME: optionalPath,
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'expected an smtp:// or smtps:// URL'),
    MAIL_FROM: z.string().min(3).default('Plateforme universitaire <no-reply@universite.example>'),
    APP_SECRET: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -hex 32`)'),
    /** eCandidat purges accounts that are not validated within 5 days. */
    ACCOUNT_VALIDATION_WINDOW: duration('P5D'),
    PASSWORD_RESET_WINDOW: duration('PT1H'),
    EMAIL_CHANGE_WINDOW: duration('P5D'),
    SESSION_LIFETIME: duration('PT12H'),
    // Security (issue 12): idle timeouts, login throttle, per-IP limits, mail quotas, proxies.
    SESSION_IDLE_TIMEOUT: duration('PT2H'),
    STAFF_SESSION_IDLE_TIMEOUT: duration('PT30M'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_FAILURE_WINDOW: duration('PT15M'),
    LOGIN_DELAY_BASE: duration('PT1S'),
    LOGIN_DELAY_MAX: duration('PT15M'),
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .refine((v) => cidrList(v) !== undefined, 'expected a comma-separated list of IP addresses or CIDR ranges'),
    RATE_LIMIT_ALLOW_LIST: z
      .string()
      .default('')
      .refine((v) => cidrList(v) !== undefined, 'expected a comma-separated list of IP addresses or CIDR ranges'),
    RATE_LIMIT_WINDOW: duration('PT1M'),
    RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(60),
    RATE_LIMIT_MAIL_PER_IP: z.coerce.number().int().min(1).default(20),
    REGISTRY_LOOKUP_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
    REGISTRY_LOOKUP_WINDOW: duration('PT1H'),
    MAIL_LIMIT_WINDOW: duration('PT1H'),
    MAIL_LIMIT_PER_RECIPIENT: z.coerce.number().int().min(1).default(5),
    MAIL_LIMIT_PER_USER: z.coerce.number().int().min(1).default(30),
    /** Reminders of a decision plan never come more often than this (default: PT1H in production, PT1S otherwise). */
    DECISION_REMINDER_MIN_INTERVAL: z
      .string()
      .optional()
      .refine((v) => v === undefined || (parseDuration(v) ?? 0) > 0, 'expected a positive ISO 8601 duration'),
    HOUSEKEEPING_EVERY: duration('PT1H'),
    HOUSEKEEPING_RETENTION: duration('P30D'),
    OFFER_CV_CHECK_TIMEOUT: duration('PT10S'),
    // The student card (seed 003, issue 21): timers as ISO 8601 durations, the access-control webhook.
    STUDENT_CARD_PHOTO_REMINDER: duration('P7D'),
    STUDENT_CARD_REQUEST_EXPIRY: duration('P60D'),
    STUDENT_CARD_REVIEW_DEADLINE: z
      .string()
      .default('P7D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    STUDENT_CARD_REVIEW_REMIND_AFTER: z
      .string()
      .default('P2D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    STUDENT_CARD_COLLECTION_REMINDER: duration('P3W'),
    STUDENT_CARD_VALIDITY: duration('P365D'),
    STUDENT_CARD_PHOTO_VALIDITY: duration('P1825D'),
    STUDENT_CARD_REFUSED_PHOTO_RETENTION: duration('P30D'),
    STUDENT_CARD_REPLACEMENT_FEE_CENTS: z.coerce.number().int().min(0).default(0),
    ACCESS_CONTROL_WEBHOOK_URL: z.url().optional(),
    ACCESS_CONTROL_WEBHOOK_SECRET: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
    ACCESS_CONTROL_WEBHOOK_TIMEOUT: duration('PT10S'),
    OFFER_CV_CHECK_MEMORY_MIB: z.coerce.number().int().min(64).max(4096).default(256),
    ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19456),
    ARGON2_TIME_COST: z.coerce.number().int().min(1).default(2),
    // Continuing-education pre-registration (seed 004): the decision plans, as ISO 8601 durations.
    TRAINING_SUPERVISOR_DEADLINE: z
      .string()
      .default('P14D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    TRAINING_SUPERVISOR_ON_DEADLINE: z.enum(['refuse', 'hand_over']).default('hand_over'),
    TRAINING_PROJECT_MANAGER_DEADLINE: z
      .string()
      .default('P21D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    TRAINING_PROJECT_MANAGER_ESCALATION: z
      .string()
      .default('P10D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    TRAINING_REMIND_AFTER: z
      .string()
      .default('P3D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    TRAINING_REMIND_EVERY: z
      .string()
      .default('P2D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    TRAINING_SEAT_OFFER_WINDOW: z
      .string()
      .default('P3D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    /** « La décision est communiquée environ un mois avant l'action ». */
    TRAINING_DECISION_NOTICE: duration('P30D'),
    // Graduate registration (seed 000): windows in ms, decision plans as ISO 8601 durations.
    GRADUATE_EMAIL_VALIDATION_WINDOW: duration('P5D'),
    GRADUATE_DIPLOMA_CHOICE_WINDOW: duration('P30D'),
    GRADUATE_DECISION_DEADLINE: z
      .string()
      .default('P30D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    GRADUATE_REMIND_AFTER: z
      .string()
      .default('P3D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    GRADUATE_REMIND_EVERY: z
      .string()
      .default('P3D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    /** Escalation from the most specific manager up: responsable VET → responsable composante → administrateur. */
    GRADUATE_ESCALATE_TO_COMPOSANTE: z
      .string()
      .default('P7D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    GRADUATE_ESCALATE_TO_ADMIN: z
      .string()
      .default('P14D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    // Recruiters (ENTREPRISES / PARTENAIRES).
    RECRUITER_EMAIL_VALIDATION_WINDOW: duration('P5D'),
    RECRUITER_DECISION_DEADLINE: z
      .string()
      .default('P30D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    RECRUITER_REMIND_AFTER: z
      .string()
      .default('P3D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    RECRUITER_REMIND_EVERY: z
      .string()
      .default('P3D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    // Job and internship offers (seed 002): moderation plan, publication and CV limits.
    OFFER_MODERATION_DEADLINE: z
      .string()
      .default('P14D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    OFFER_REMIND_AFTER: z
      .string()
      .default('P2D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    OFFER_REMIND_EVERY: z
      .string()
      .default('P2D')
      .refine((v) => parseDuration(v) !== undefined, 'expected an ISO 8601 duration'),
    /** How long an author has to resubmit an offer sent back « à modifier » before it expires. */
    OFFER_CHANGES_WINDOW: duration('P30D'),
    OFFER_PUBLICATION_DEFAULT: z
      .string()
      .default('P30D')
      .refine((v) => (parseDuration(v) ?? 0) > 0, 'expected a positive ISO 8601 duration'),
    OFFER_PUBLICATION_MAX: duration('P90D'),
    OFFER_CV_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(20 * 1024 * 1024)
      .default(2 * 1024 * 1024),
    // ENT single sign-on for students and staff: all optional; without ENT_PROTOCOL the ENT routes answer 503.
    ENT_PROTOCOL: z.enum(['oidc', 'cas']).optional(),
    ENT_OIDC_ISSUER: z.url().optional(),
    ENT_OIDC_CLIENT_ID: z.string().min(1).optional(),
    ENT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    ENT_OIDC_SCOPES: z.string().default('openid profile email'),
    ENT_CAS_BASE_URL: z
      .url()
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    ENT_ATTR_AFFILIATION: z.string().default('eduPersonAffiliation'),
    ENT_ATTR_STUDENT_NUMBER: z.string().default('supannEtuId'),
    ENT_ATTR_MAIL: z.string().default('mail'),
    ENT_ATTR_GIVEN_NAME: z.string().default('givenName'),
    ENT_ATTR_FAMILY_NAME: z.string().default('sn'),
    ENT_STUDENT_AFFILIATIONS: z.string().default('student'),
    ENT_STAFF_AFFILIATIONS: z.string().default('staff,employee,faculty'),
    ENT_LOGIN_WINDOW: duration('PT10M'),
    // « Mon compte » (issue 22): the institution's LDAP directory, reached with a limited service account.
    /** ldap:// or ldaps:// URL of the directory; unset = « Connexion et sécurité » says the directory is not configured. */
    DIRECTORY_LDAP_URL: z
      .string()
      .regex(/^ldaps?:\/\/[^\s]+$/, 'expected an ldap:// or ldaps:// URL')
      .optional(),
    DIRECTORY_PEOPLE_DN: z.string().min(3).default('ou=people,dc=univ,dc=example'),
    DIRECTORY_SERVICE_DN: z.string().min(3).default('cn=password-service,ou=services,dc=univ,dc=example'),
    DIRECTORY_SERVICE_PASSWORD: z.string().min(1).optional(),
    DIRECTORY_LOGIN_ATTRIBUTE: z
      .string()
      .regex(/^[a-zA-Z][\w-]*$/)
      .default('uid'),
    DIRECTORY_TIMEOUT: duration('PT5S'),
    /** « Première connexion ? » code and « Mot de passe oublié ? » link lifetimes. */
    ACCOUNT_ACTIVATION_WINDOW: duration('PT30M'),
    DIRECTORY_RECOVERY_WINDOW: duration('PT1H'),
    /** Image rights: version of the consent text; a new value shows the new text (earlier consents stay in the history). */
    IMAGE_RIGHTS_VERSION: z.string().min(1).default('1'),
    /** Other services that may ask for a photo: JSON [{"id","label","token"}], one consent per service. */
    IMAGE_RIGHTS_SERVICES: z
      .string()
      .default('[]')
      .refine((v) => imageServices(v) !== undefined, 'expected JSON [{"id":"bu","label":"Bibliothèque","token":"…≥24 characters"}]'),
    /** Staff accept this version of the charter; a new value asks everyone again. */
    CHARTER_VERSION: z.string().min(1).default('1'),
    // The reference portal's look (api/pages/): an institution re-skins it without touching code.
    INSTITUTION_NAME: z.string().trim().min(1).max(120).default('Université Exemple'),
    /** A path on this site (`/logo.svg` served by the proxy) or an https URL (then allow it in the CSP's img-src). */
    INSTITUTION_LOGO_URL: z
      .string()
      .refine((v) => v.startsWith('/') || /^https:\/\//.test(v), 'expected a path starting with / or an https:// URL')
      .optional(),
    INSTITUTION_URL: z.url().optional(),
    /** Buttons, links and the header's rule; white text sits on it, so it must contrast with white (4.5:1). */
    THEME_PRIMARY_COLOR: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb')
      .default('#1d4f91')
      .refine((v) => contrastWithWhite(v) >= 4.5, {
        error: (issue) =>
          `contrast with white is ${contrastWithWhite(String(issue.input)).toFixed(2)}:1, WCAG AA needs 4.5:1: choose a darker colour`,
      }),
    /** « Assistance » (seed 001): the referent's address and the documentation. */
    ASSISTANCE_EMAIL: z.email().default('assistance@universite.example'),
    ASSISTANCE_DOCUMENTATION_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Operations (issue 15): secret rotation, metrics endpoints, traces.
    /** Former APP_SECRET value(s), comma-separated: still accepted to verify, never used to sign. */
    APP_SECRET_PREVIOUS: z
      .string()
      .optional()
      .transform((v) => (v ? list(v) : []))
      .refine((all) => all.every((s) => s.length >= 32), 'each previous secret needs at least 32 characters'),
    /** Bearer token that GET /metrics requires on the API's own port. */
    METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    /** host:port of a separate listener serving the API's /metrics (an internal address). */
    METRICS_ADDRESS: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'expected host:port')
      .optional(),
    /** host:port of the worker's Prometheus endpoint (the Temporal SDK's), or `off`. */
    WORKER_METRICS_ADDRESS: z
      .string()
      .regex(/^(off|[^:\s]+:\d{1,5})$/, 'expected host:port or off')
      .default('127.0.0.1:9464'),
    /** OTLP over HTTP (e.g. http://collector:4318): traces are exported there; unset = traces off. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).optional(),
    // Worker Versioning (README, « Deploying new workflow code »): off unless both are set.
    WORKER_DEPLOYMENT_NAME: z.string().min(1).optional(),
    WORKER_BUILD_ID: z.string().min(1).optional(),
    /** PINNED: an execution finishes on the version it started on; AUTO_UPGRADE: it moves to the current one. */
    WORKER_VERSIONING_BEHAVIOR: z.enum(['PINNED', 'AUTO_UPGRADE']).default('PINNED'),
    // Payload encryption (issue 13, lib/codec/): every payload Temporal stores is AES-256-GCM sealed.
    /** `<id>:<base64 of 32 bytes>,…`: every listed key decrypts; never committed. */
    PAYLOAD_KEYS: z.string().min(1, 'at least one key `<id>:<base64 of 32 bytes>` (e.g. `k1:$(openssl rand -base64 32)`)'),
    /** The id of the key that encrypts (may be omitted when PAYLOAD_KEYS lists one key). */
    PAYLOAD_KEY_CURRENT: z.string().min(1).optional(),
    /** Bearer token the Temporal UI server sends to the codec endpoint (/codec/decode). */
    CODEC_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    /** The Temporal UI's origin (scheme://host:port), the only one granted CORS on /codec/*. */
    TEMPORAL_UI_ORIGIN: z
      .url()
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  })
  .superRefine((env, ctx) => {
    // Bad keys stop the process at start, naming the variable, never at the first payload.
    try {
      parsePayloadKeys(env.PAYLOAD_KEYS, env.PAYLOAD_KEY_CURRENT);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['PAYLOAD_KEYS'], message: (error as Error).message });
    }
  })
  .superRefine((env, ctx) => {
    // Reminder plans below the floor would let a plan mail people every few seconds.
    const floor = reminderFloorMs(env);
    for (const [name, value] of Object.entries(env)) {
      if (!/_REMIND_(AFTER|EVERY)$/.test(name) || typeof value !== 'string') continue;
      if ((parseDuration(value) ?? 0) < floor)
        ctx.addIssue({ code: 'custom', path: [name], message: `reminders cannot come more often than DECISION_REMINDER_MIN_INTERVAL` });
    }
    // A half-configured ENT is a deployment mistake: say so at start, not at the first login.
    const required =
      env.ENT_PROTOCOL === 'oidc'
        ? (['ENT_OIDC_ISSUER', 'ENT_OIDC_CLIENT_ID'] as const)
        : env.ENT_PROTOCOL === 'cas'
          ? (['ENT_CAS_BASE_URL'] as const)
          : [];
    for (const name of required)
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required when ENT_PROTOCOL=${env.ENT_PROTOCOL}` });
  })
  .superRefine((env, ctx) => {
    // A worker with a build id but no deployment (or the reverse) would silently run unversioned.
    if (!env.WORKER_DEPLOYMENT_NAME !== !env.WORKER_BUILD_ID) {
      const missing = env.WORKER_DEPLOYMENT_NAME ? 'WORKER_BUILD_ID' : 'WORKER_DEPLOYMENT_NAME';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'WORKER_DEPLOYMENT_NAME and WORKER_BUILD_ID go together' });
    }
  });

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof environmentSchema>, mailLinks: ReturnType<typeof mailLinkTemplates>) {
  return {
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT, publicBaseUrl: env.PUBLIC_BASE_URL },
    database: { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX },
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
      /** Worker Versioning: this worker's deployment version, or undefined (unversioned, the default). */
      deployment:
        env.WORKER_DEPLOYMENT_NAME && env.WORKER_BUILD_ID
          ? {
              deploymentName: env.WORKER_DEPLOYMENT_NAME,
              buildId: env.WORKER_BUILD_ID,
              defaultVersioningBehavior: env.WORKER_VERSIONING_BEHAVIOR,
            }
          : undefined,
      apiKey: env.TEMPORAL_API_KEY,
      /** The payload codec's keys (lib/codec/): the worker and every client seal payloads with them. */
      payloadKeys: parsePayloadKeys(env.PAYLOAD_KEYS, env.PAYLOAD_KEY_CURRENT),
      tls: {
        enabled: env.TEMPORAL_TLS === 'true' || !!env.TEMPORAL_API_KEY || !!env.TEMPORAL_TLS_CERT_PATH,
        certPath: env.TEMPORAL_TLS_CERT_PATH,
        keyPath: env.TEMPORAL_TLS_KEY_PATH,
        caPath: env.TEMPORAL_TLS_CA_PATH,
        serverName: env.TEMPORAL_TLS_SERVER_NAME,
      },
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    secret: env.APP_SECRET,
    lifetimes: {
      accountValidationMs: env.ACCOUNT_VALIDATION_WINDOW,
      passwordResetMs: env.PASSWORD_RESET_WINDOW,
      emailChangeMs: env.EMAIL_CHANGE_WINDOW,
      sessionMs: env.SESSION_LIFETIME,
      sessionIdleMs: env.SESSION_IDLE_TIMEOUT,
      staffSessionIdleMs: env.STAFF_SESSION_IDLE_TIMEOUT,
    },
    login: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      failureWindowMs: env.LOGIN_FAILURE_WINDOW,
      delayBaseMs: env.LOGIN_DELAY_BASE,
      delayMaxMs: env.LOGIN_DELAY_MAX,
    },
    security: securityConfig(env),
    argon2: { memoryCost: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST },
    training: {
      supervisor: {
        deadline: env.TRAINING_SUPERVISOR_DEADLINE,
        remindAfter: env.TRAINING_REMIND_AFTER,
        remindEvery: env.TRAINING_REMIND_EVERY,
      },
      supervisorOnDeadline: env.TRAINING_SUPERVISOR_ON_DEADLINE,
      projectManager: {
        deadline: env.TRAINING_PROJECT_MANAGER_DEADLINE,
        remindAfter: env.TRAINING_REMIND_AFTER,
        remindEvery: env.TRAINING_REMIND_EVERY,
        escalateAfter: env.TRAINING_PROJECT_MANAGER_ESCALATION,
      },
      seatOfferWindow: env.TRAINING_SEAT_OFFER_WINDOW,
      decisionNoticeMs: env.TRAINING_DECISION_NOTICE,
    },
    graduates: {
      emailValidationMs: env.GRADUATE_EMAIL_VALIDATION_WINDOW,
      diplomaChoiceMs: env.GRADUATE_DIPLOMA_CHOICE_WINDOW,
      decision: {
        deadline: env.GRADUATE_DECISION_DEADLINE,
        remindAfter: env.GRADUATE_REMIND_AFTER,
        remindEvery: env.GRADUATE_REMIND_EVERY,
      },
      escalateToComposante: env.GRADUATE_ESCALATE_TO_COMPOSANTE,
      escalateToAdmin: env.GRADUATE_ESCALATE_TO_ADMIN,
    },
    recruiters: {
      emailValidationMs: env.RECRUITER_EMAIL_VALIDATION_WINDOW,
      decision: {
        deadline: env.RECRUITER_DECISION_DEADLINE,
        remindAfter: env.RECRUITER_REMIND_AFTER,
        remindEvery: env.RECRUITER_REMIND_EVERY,
      },
    },
    studentCard: {
      photoReminderMs: env.STUDENT_CARD_PHOTO_REMINDER,
      requestExpiryMs: env.STUDENT_CARD_REQUEST_EXPIRY,
      review: { deadline: env.STUDENT_CARD_REVIEW_DEADLINE, remindAfter: env.STUDENT_CARD_REVIEW_REMIND_AFTER },
      collectionReminderMs: env.STUDENT_CARD_COLLECTION_REMINDER,
      validityMs: env.STUDENT_CARD_VALIDITY,
      photoValidityMs: env.STUDENT_CARD_PHOTO_VALIDITY,
      refusedPhotoRetentionMs: env.STUDENT_CARD_REFUSED_PHOTO_RETENTION,
      replacementFeeCents: env.STUDENT_CARD_REPLACEMENT_FEE_CENTS,
      accessControl: {
        url: env.ACCESS_CONTROL_WEBHOOK_URL,
        secret: env.ACCESS_CONTROL_WEBHOOK_SECRET,
        timeoutMs: env.ACCESS_CONTROL_WEBHOOK_TIMEOUT,
      },
    },
    offers: {
      moderation: { deadline: env.OFFER_MODERATION_DEADLINE, remindAfter: env.OFFER_REMIND_AFTER, remindEvery: env.OFFER_REMIND_EVERY },
      changesWindowMs: env.OFFER_CHANGES_WINDOW,
      publicationDefault: env.OFFER_PUBLICATION_DEFAULT,
      publicationMaxMs: env.OFFER_PUBLICATION_MAX,
      cvMaxBytes: env.OFFER_CV_MAX_BYTES,
      cvCheck: { timeoutMs: env.OFFER_CV_CHECK_TIMEOUT, memoryMib: env.OFFER_CV_CHECK_MEMORY_MIB },
    },
    ent: entConfig(env),
    directory: {
      url: env.DIRECTORY_LDAP_URL && env.DIRECTORY_SERVICE_PASSWORD ? env.DIRECTORY_LDAP_URL : undefined,
      peopleDn: env.DIRECTORY_PEOPLE_DN,
      serviceDn: env.DIRECTORY_SERVICE_DN,
      servicePassword: env.DIRECTORY_SERVICE_PASSWORD ?? '',
      loginAttribute: env.DIRECTORY_LOGIN_ATTRIBUTE,
      timeoutMs: env.DIRECTORY_TIMEOUT,
      activationMs: env.ACCOUNT_ACTIVATION_WINDOW,
      recoveryMs: env.DIRECTORY_RECOVERY_WINDOW,
    },
    imageRights: { version: env.IMAGE_RIGHTS_VERSION, services: imageServices(env.IMAGE_RIGHTS_SERVICES)! },
    charterVersion: env.CHARTER_VERSION,
    portal: {
      institutionName: env.INSTITUTION_NAME,
      logoUrl: env.INSTITUTION_LOGO_URL,
      institutionUrl: env.INSTITUTION_URL,
      primaryColor: env.THEME_PRIMARY_COLOR.toLowerCase(),
      assistanceEmail: env.ASSISTANCE_EMAIL,
      documentationUrl: env.ASSISTANCE_DOCUMENTATION_URL,
    },
    /** URL templates of the links mails carry (mail/links.ts), `MAIL_LINK_<NAME>` or the reference portal's pages. */
    mailLinks: mailLinks.templates,
    logLevel: env.LOG_LEVEL,
    /** Verification only (links and pages from before a rotation): see `acceptedSecrets`. */
    previousSecrets: env.APP_SECRET_PREVIOUS,
    metrics: {
      token: env.METRICS_TOKEN,
      address: env.METRICS_ADDRESS,
      workerAddress: env.WORKER_METRICS_ADDRESS === 'off' ? undefined : env.WORKER_METRICS_ADDRESS,
    },
    telemetry: { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME },
    /** The codec endpoint for the Temporal UI (api/codec/). */
    codec: { token: env.CODEC_TOKEN, uiOrigin: env.TEMPORAL_UI_ORIGIN },
  };
}

/** WCAG 2.1 contrast ratio of `#rrggbb` against white (1 to 21). */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/** Comma-separated IP addresses or CIDR ranges (IPv4 or IPv6); undefined when one is malformed. */
export function cidrList(value: string): string[] | undefined {
  const items = list(value);
  return items.every((item) => {
    const [address, bits, ...rest] = item.split('/');
    const version = isIP(address ?? '');
    if (!version || rest.length) return false;
    if (bits === undefined) return true;
    const n = Number(bits);
    return /^\d+$/.test(bits) && n >= 0 && n <= (version === 4 ? 32 : 128);
  })
    ? items
    : undefined;
}

function reminderFloorMs(env: { NODE_ENV: string; DECISION_REMINDER_MIN_INTERVAL?: string | undefined }): number {
  return parseDuration(env.DECISION_REMINDER_MIN_INTERVAL ?? (env.NODE_ENV === 'production' ? 'PT1H' : 'PT1S'))!;
}

export type SecurityConfig = ReturnType<typeof securityConfig>;

function securityConfig(env: z.infer<typeof environmentSchema>) {
  return {
    trustedProxies: cidrList(env.TRUSTED_PROXIES)!,
    rateLimit: {
      allowList: cidrList(env.RATE_LIMIT_ALLOW_LIST)!,
      windowMs: env.RATE_LIMIT_WINDOW,
      loginPerIp: env.RATE_LIMIT_LOGIN_PER_IP,
      mailPerIp: env.RATE_LIMIT_MAIL_PER_IP,
      registryLookupsPerIp: env.REGISTRY_LOOKUP_LIMIT_PER_IP,
      registryLookupWindowMs: env.REGISTRY_LOOKUP_WINDOW,
    },
    mailQuota: { windowMs: env.MAIL_LIMIT_WINDOW, perRecipient: env.MAIL_LIMIT_PER_RECIPIENT, perUser: env.MAIL_LIMIT_PER_USER },
    reminderFloorMs: reminderFloorMs(env),
    /** The demonstration lifecycle (demoApprovalRequest) exists for `npm start` and tests, never in production. */
    demoRequests: env.NODE_ENV !== 'production',
    housekeeping: { everyMs: env.HOUSEKEEPING_EVERY, retentionMs: env.HOUSEKEEPING_RETENTION },
  };
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** The services allowed to ask for a photo (each with its own consent and bearer token); undefined when malformed. */
export function imageServices(value: string): { id: string; label: string; token: string; use?: 'directory' | undefined }[] | undefined {
  const service = z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
    label: z.string().min(1).max(120),
    token: z.string().min(24),
    /** `directory`: the service shows the internal directory or class lists, under that one consent. */
    use: z.literal('directory').optional(),
  });
  try {
    const parsed = z.array(service).safeParse(JSON.parse(value));
    if (!parsed.success) return undefined;
    const ids = parsed.data.map((s) => s.id);
    return new Set(ids).size === ids.length && !ids.includes('card') && !ids.includes('directory') ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type EntConfig = ReturnType<typeof entConfig>;

function entConfig(env: z.infer<typeof environmentSchema>) {
  return {
    protocol: env.ENT_PROTOCOL,
    oidc: {
      issuer: env.ENT_OIDC_ISSUER,
      clientId: env.ENT_OIDC_CLIENT_ID,
      clientSecret: env.ENT_OIDC_CLIENT_SECRET,
      scopes: env.ENT_OIDC_SCOPES,
    },
    cas: { baseUrl: env.ENT_CAS_BASE_URL },
    attributes: {
      affiliation: env.ENT_ATTR_AFFILIATION,
      studentNumber: env.ENT_ATTR_STUDENT_NUMBER,
      mail: env.ENT_ATTR_MAIL,
      givenName: env.ENT_ATTR_GIVEN_NAME,
      familyName: env.ENT_ATTR_FAMILY_NAME,
    },
    studentAffiliations: list(env.ENT_STUDENT_AFFILIATIONS),
    staffAffiliations: list(env.ENT_STAFF_AFFILIATIONS),
    loginWindowMs: env.ENT_LOGIN_WINDOW,
  };
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message names every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = environmentSchema.safeParse(env);
  const lines = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const value = env[name];
        return `  ${name}: ${value === undefined ? 'missing' : issue.message}`;
      });
  const mailLinks = mailLinkTemplates(env, result.success ? result.data.PUBLIC_BASE_URL : 'https://example.org');
  lines.push(...mailLinks.problems);
  if (!result.success || lines.length) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  return toConfig(result.data, mailLinks);
}

/** For entry points: parse or exit(1) with the message, no stack trace. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
