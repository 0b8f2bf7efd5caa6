// The emulator-only control API (/_emulator/...): fault rules and reset. Unauthenticated by
// design: the emulator listens on 127.0.0.1 and exists for tests and demos.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors.js';
import type { Fault, FaultSpec } from '../faults.js';
import { checkBody } from '../validate.js';
import type { RouteContext } from './context.js';

const SPEC_FIELDS = ['route', 'kind', 'status', 'retry_after', 'retryAfter', 'delay_ms', 'delayMs', 'times', 'when'];

/** Wire form (snake_case) of a rule. */
export const faultWire = (f: Fault) => ({
  id: f.id,
  route: f.route,
  kind: f.kind,
  ...(f.status !== undefined && { status: f.status }),
  ...(f.retryAfter !== undefined && { retry_after: f.retryAfter }),
  ...(f.delayMs !== undefined && { delay_ms: f.delayMs }),
  when: f.when,
  times_left: f.timesLeft,
  hits: f.hits,
});

export function controlRoutes(app: FastifyInstance, { state, faults }: RouteContext): void {
  app.get('/_emulator/faults/', async () => {
    const rules = faults.list();
    return { count: rules.length, results: rules.map(faultWire) };
  });

  app.post('/_emulator/faults/', async (req, reply) => {
    const b = checkBody(req.body, SPEC_FIELDS);
    // Values are type-checked by checkFaultSpec; snake_case wins over the camelCase aliases.
    const spec = {
      route: b.route,
      kind: b.kind,
      status: b.status,
      retryAfter: b.retry_after ?? b.retryAfter,
      delayMs: b.delay_ms ?? b.delayMs,
      times: b.times,
      when: b.when,
    } as FaultSpec;
    return reply.code(201).send(faultWire(faults.inject(spec)));
  });

  app.delete('/_emulator/faults/', async (_req, reply) => {
    faults.clear();
    return reply.code(204).send();
  });

  app.delete<{ Params: { id: string } }>('/_emulator/faults/:id/', async (req, reply) => {
    if (!faults.remove(req.params.id)) throw notFound('No fault rule with this id.');
    return reply.code(204).send();
  });

  app.post('/_emulator/reset/', async (_req, reply) => {
    faults.clear();
    state.reset();
    await state.flush();
    return reply.code(204).send();
  });
}
