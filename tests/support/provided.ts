declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
  }
}

export {};
