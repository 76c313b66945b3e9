declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
    /** PAYLOAD_KEYS and PAYLOAD_KEY_CURRENT of the run (tests/support/payloadKeys.ts): every world seals with them. */
    payloadKeyEnv: { PAYLOAD_KEYS: string; PAYLOAD_KEY_CURRENT: string };
  }
}

export {};
