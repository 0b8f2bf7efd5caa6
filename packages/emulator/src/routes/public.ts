// The public API families, scope-enforced. Events returns sample events; the other
// families return a one-item placeholder page (the contract only promises a small 200).
import type { FastifyInstance } from 'fastify';
import { requireScope } from '../auth.js';
import { sampleEvents } from '../events.js';
import { paginate } from '../pagination.js';
import { SCOPES } from '../scopes.js';
import { checkPageParams } from '../validate.js';
import { origin, type RouteContext } from './context.js';

export function publicRoutes(app: FastifyInstance, { state }: RouteContext): void {
  for (const scope of SCOPES) {
    for (const prefix of scope.path_prefixes) {
      app.get(prefix, async (req) => {
        requireScope(state, req, scope.id);
        const page = checkPageParams(req.query);
        const items =
          scope.id === 'events'
            ? sampleEvents()
            : [{ family: scope.id, note: 'Placeholder result from the emulator.' }];
        return paginate<object>(items, page, `${origin(req)}${prefix}`);
      });
    }
  }
}
