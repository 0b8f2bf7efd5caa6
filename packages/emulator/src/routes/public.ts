// PredictHQ's public API families as its published specs describe them: the documented
// paths (each with and without a trailing slash), the documented methods (405 otherwise),
// 401 / 403 / 402 with the documented `{"error": "..."}` bodies, required parameters
// refused with 400 / 422 after the scope check. Events returns sample events; the other
// families a small placeholder body (the contract promises only a small 200).
import { API_FAMILIES, type ApiFamily, type Endpoint } from '@phq-tokens/families';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireScope } from '../auth.js';
import { ApiError } from '../errors.js';
import { sampleEvents } from '../events.js';
import { paginate } from '../pagination.js';
import { checkPageParams } from '../validate.js';
import { origin, type RouteContext } from './context.js';

// OPTIONS too: PredictHQ answers it 405 with Allow like any other undocumented method (HEAD
// comes with GET from fastify).
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export function publicRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const byPath = new Map<string, { family: ApiFamily; endpoints: Endpoint[] }>();
  for (const family of API_FAMILIES)
    for (const endpoint of family.endpoints) {
      const bare = endpoint.path.replace(/\/$/, '');
      for (const path of [bare, `${bare}/`]) {
        const entry = byPath.get(path) ?? { family, endpoints: [] };
        entry.endpoints.push(endpoint);
        byPath.set(path, entry);
      }
    }
  for (const [path, { family, endpoints }] of byPath) {
    app.route({
      method: [...METHODS],
      url: path,
      handler: async (req, reply) => {
        const endpoint = endpoints.find((e) => e.method === req.method);
        if (!endpoint) {
          reply.header('allow', endpoints.map((e) => e.method).join(', '));
          throw new ApiError(405, `Use ${endpoints.map((e) => e.method).join(' or ')} on ${path}.`, {
            publicMessage: 'Method not allowed',
          });
        }
        requireScope(ctx.state, req, family, ctx.expiredTokens);
        checkRequired(req, endpoint);
        return answer(req, family, endpoint, path);
      },
    });
  }
}

function checkRequired(req: FastifyRequest, endpoint: Endpoint): void {
  if (!endpoint.required) return;
  const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | undefined;
  const missing = endpoint.required.params.filter((p) => source?.[p] === undefined || source[p] === '');
  if (missing.length === 0) return;
  const message = `Missing required parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`;
  throw new ApiError(endpoint.required.status, message, { publicMessage: message });
}

function answer(req: FastifyRequest, family: ApiFamily, endpoint: Endpoint, path: string): object {
  if (endpoint.path.endsWith('/count/')) return { count: family.id === 'events' ? sampleEvents().length : 1 };
  if (family.id === 'events')
    return paginate<object>(sampleEvents(), checkPageParams(req.query), `${origin(req)}${path}`);
  if (endpoint.required || family.id === 'loop') {
    return { family: family.id, note: 'Placeholder result from the emulator.' };
  }
  const item = { family: family.id, note: 'Placeholder result from the emulator.' };
  return paginate<object>([item], checkPageParams(req.query), `${origin(req)}${path}`);
}
