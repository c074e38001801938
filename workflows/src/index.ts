// Every workflow the worker registers. Deterministic code only (see docs/changing-workflows.md).
export { programmeWorkflow } from './programme/workflows';
export { taskWorkflow } from './task/workflows';
export { breakthroughCycleWorkflow } from './breakthrough/workflows';
export { orgChangeWorkflow } from './restructuring/workflows';
export { cascadeObligationWorkflow } from './cascade/workflows';
export { reconcileReadModelWorkflow } from './reconcile/workflows';
