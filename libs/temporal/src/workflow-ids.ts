/** Stable, readable workflow ids derived from the domain ids. Safe to import from workflow code. */
export function programmeWorkflowId(programmeId: string): string {
  return `programme/${programmeId}`;
}

export function programmeIdFromWorkflowId(workflowId: string): string | null {
  return workflowId.startsWith('programme/') ? workflowId.slice('programme/'.length) : null;
}

/** One task workflow per task: "task/<programmeId>/<code>", "task/<programmeId>/<year>/<code>", "task/bt/<unitId>/<year>/<n>". */
export function taskWorkflowId(taskId: string): string {
  return `task/${taskId}`;
}

/** One breakthrough cycle per committee and year. */
export function breakthroughWorkflowId(unitId: string, year: number): string {
  return `breakthrough/${unitId}/${year}`;
}
