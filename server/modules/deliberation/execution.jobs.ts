import type { Job } from '../../kernel/jobs/jobs.ts';
import { escalateOverdueJob } from './use-cases/escalate-overdue.ts';
import { settleVerdictsJob } from './use-cases/settle-verdicts.ts';

/** Stages 5–6 run by the clock: overdue tasks go to the street; closed rating windows get their verdict. */
export const executionJobs: Job[] = [escalateOverdueJob, settleVerdictsJob];
