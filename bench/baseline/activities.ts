import { Context } from '@temporalio/activity';

/** The baseline's activities: no work, except telling the benchmark that the link was "mailed". */
export function createBaselineActivities(notifyMailed: (workflowId: string, tokenId: string) => void) {
  return {
    async record(_status: string): Promise<void> {},
    async issueLink(tokenId: string): Promise<{ tokenId: string }> {
      notifyMailed(Context.current().info.workflowExecution?.workflowId ?? '?', tokenId);
      return { tokenId };
    },
    async activate(_tokenId: string): Promise<{ fileNumber: string }> {
      return { fileNumber: 'EC0000000' };
    },
    async mailOutcome(): Promise<void> {},
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
