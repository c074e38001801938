/** Stable, readable workflow ids derived from the domain ids. Safe to import from workflow code. */
export function programmeWorkflowId(programmeId: string): string {
  return `programme/${programmeId}`;
}

export function programmeIdFromWorkflowId(workflowId: string): string | null {
  return workflowId.startsWith('programme/') ? workflowId.slice('programme/'.length) : null;
}
