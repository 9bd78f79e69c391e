import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { errorSchema } from '../auth/auth.schema.js';
import type { ServerEnv } from '../server/env.js';
import {
  activityCreateSchema,
  activityIdParamsSchema,
  activityListQuerySchema,
  activityListSchema,
  activityParamsSchema,
  activitySchema,
  activityUpdateSchema,
} from './activity.schema.js';
import {
  accountActivities,
  createActivity,
  deleteActivity,
  getActivity,
  updateActivity,
} from './activity.service.js';

const ERRORS = {
  400: 'Invalid input, field by field',
  401: 'Not logged in',
  403: 'Not allowed to change this account (role, team or read-only token)',
  404: 'No such account or activity',
  409: 'Someone else changed the activity since it was read',
} as const;

/** The declared error responses of a route, all in the one error shape. */
function errors(...statuses: (keyof typeof ERRORS)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERRORS[status], content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
}

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const tags = ['activities'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  request: { params: activityParamsSchema, query: activityListQuerySchema },
  responses: {
    200: json(activityListSchema, 'A page of activities, newest first'),
    ...errors(400, 401, 404),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  request: { params: activityIdParamsSchema },
  responses: { 200: json(activitySchema, 'One activity'), ...errors(400, 401, 404) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  request: { params: activityParamsSchema, body: body(activityCreateSchema) },
  responses: { 201: json(activitySchema, 'The logged activity'), ...errors(400, 401, 403, 404) },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  request: { params: activityIdParamsSchema, body: body(activityUpdateSchema) },
  responses: { 200: json(activitySchema, 'The changed activity'), ...errors(400, 401, 403, 404, 409) },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  request: { params: activityIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 403, 404) },
});

/** Mounted at /api/v1/accounts/{accountId}/activities; every role reads, writes follow requireAccountWrite. */
export function activityRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(list, async (c) => {
      const { accountId } = c.req.valid('param');
      return c.json(await accountActivities(c.get('db'), accountId, c.req.valid('query')), 200);
    })
    .openapi(detail, async (c) => {
      const { accountId, id } = c.req.valid('param');
      return c.json(await getActivity(c.get('db'), accountId, id), 200);
    })
    .openapi(create, async (c) => {
      const { accountId } = c.req.valid('param');
      const input = c.req.valid('json');
      const activity = await c
        .get('db')
        .transaction()
        .execute((trx) => createActivity(trx, c.get('actor'), accountId, input));
      return c.json(activity, 201);
    })
    .openapi(update, async (c) => {
      const { accountId, id } = c.req.valid('param');
      const input = c.req.valid('json');
      const activity = await c
        .get('db')
        .transaction()
        .execute((trx) => updateActivity(trx, c.get('actor'), accountId, id, input));
      return c.json(activity, 200);
    })
    .openapi(remove, async (c) => {
      const { accountId, id } = c.req.valid('param');
      await c
        .get('db')
        .transaction()
        .execute((trx) => deleteActivity(trx, c.get('actor'), accountId, id));
      return c.body(null, 204);
    });
}
