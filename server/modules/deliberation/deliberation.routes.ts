import type { Kernel } from '../../kernel/context.ts';
import type { App } from '../../kernel/module.ts';
import { itemRoutes } from './items.routes.ts';
import { itemSurveyRoutes } from './item-surveys.routes.ts';
import { executionRoutes } from './execution.routes.ts';
import { meetingsRoutes } from './meetings.routes.ts';

/**
 * The module's routes, one file per part of the procedure: items (stages 1–3), execution and evaluation
 * (stages 4–6, the public tracking page's data), joint meetings. Each is thin: validate → use case → JSON.
 */
export function deliberationRoutes(app: App, kernel: Kernel) {
  itemRoutes(app, kernel);
  itemSurveyRoutes(app, kernel);
  executionRoutes(app, kernel);
  meetingsRoutes(app, kernel);
}
