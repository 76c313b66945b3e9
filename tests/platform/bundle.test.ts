import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../worker.js';

describe('workflow bundle', () => {
  it('when the workflow code is bundled, then it builds without Node-only modules and exports every lifecycle', async () => {
    const warnings: string[] = [];
    const logger = {
      info() {},
      debug() {},
      trace() {},
      log() {},
      warn: (m: string) => warnings.push(m),
      error: (m: string) => warnings.push(m),
    };
    const { code } = await bundleWorkflowCode({ workflowsPath, logger: logger as never });
    for (const lifecycle of ['candidateAccount', 'credentialRecovery', 'candidateEmailChange']) expect(code).toContain(lifecycle);
    expect(code).not.toMatch(/require\(["'](node:)?(fs|crypto|net|pg|knex|nodemailer)["']\)/);
    expect(warnings).toEqual([]);
  });
});
