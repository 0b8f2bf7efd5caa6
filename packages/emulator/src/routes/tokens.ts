// Token management: list, create (idempotent), get, rename, delete.
import type { FastifyInstance } from 'fastify';
import { requireAccount } from '../auth.js';
import { checkBody, checkIdempotencyKey, checkPageParams } from '../validate.js';
import { origin, type RouteContext } from './context.js';

interface IdParams {
  id: string;
}

export function tokenRoutes(app: FastifyInstance, { state }: RouteContext): void {
  app.get('/v1/tokens/', async (req) => {
    const account = requireAccount(state, req);
    const page = checkPageParams(req.query);
    return state.listPage(account, page, `${origin(req)}/v1/tokens/`);
  });

  app.post('/v1/tokens/', async (req, reply) => {
    const account = requireAccount(state, req);
    const key = checkIdempotencyKey(req.headers['idempotency-key']);
    const body = checkBody(req.body, ['name', 'scopes']);
    const { token, replayed } = state.create(account, { name: body.name, scopes: body.scopes }, key);
    await state.flush(); // answer only once the token is on disk (when persisting)
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply
      .code(201)
      .header('location', `${origin(req)}/v1/tokens/${token.id}/`)
      .send(token);
  });

  app.get<{ Params: IdParams }>('/v1/tokens/:id/', async (req) => {
    const account = requireAccount(state, req);
    return state.get(account, req.params.id);
  });

  app.patch<{ Params: IdParams }>('/v1/tokens/:id/', async (req) => {
    const account = requireAccount(state, req);
    const body = checkBody(req.body, ['name'], ['scopes', 'id', 'created_at', 'last_used_at']);
    const token = state.rename(account, req.params.id, body.name);
    await state.flush();
    return token;
  });

  app.delete<{ Params: IdParams }>('/v1/tokens/:id/', async (req, reply) => {
    const account = requireAccount(state, req);
    state.delete(account, req.params.id);
    await state.flush();
    return reply.code(204).send();
  });
}
