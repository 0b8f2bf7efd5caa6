import type { FastifyInstance } from 'fastify';
import { requireAccount } from '../auth.js';
import { SCOPES } from '../scopes.js';
import type { RouteContext } from './context.js';

export function accountRoutes(app: FastifyInstance, { state }: RouteContext): void {
  app.get('/v1/account/', async (req) => state.account(requireAccount(state, req)));

  app.get('/v1/tokens/scopes/', async (req) => {
    requireAccount(state, req);
    return { count: SCOPES.length, results: SCOPES };
  });
}
