import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { errorSchema } from '../auth/auth.schema.js';
import type { ServerEnv } from '../server/env.js';
import {
  contactCreateSchema,
  contactIdParamsSchema,
  contactListSchema,
  contactParamsSchema,
  contactSchema,
  contactUpdateSchema,
} from './contact.schema.js';
import {
  accountContacts,
  createContact,
  deleteContact,
  getContact,
  updateContact,
} from './contact.service.js';

const ERRORS = {
  400: 'Invalid input, field by field',
  401: 'Not logged in',
  403: 'Not allowed to change this account (role, team or read-only token)',
  404: 'No such account or contact',
  409: 'Someone else changed the contact since it was read',
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
const tags = ['contacts'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  request: { params: contactParamsSchema },
  responses: { 200: json(contactListSchema, "The account's contacts, every role"), ...errors(400, 401, 404) },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  request: { params: contactIdParamsSchema },
  responses: { 200: json(contactSchema, 'One contact'), ...errors(400, 401, 404) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  request: { params: contactParamsSchema, body: body(contactCreateSchema) },
  responses: { 201: json(contactSchema, 'The new contact'), ...errors(400, 401, 403, 404) },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  request: { params: contactIdParamsSchema, body: body(contactUpdateSchema) },
  responses: { 200: json(contactSchema, 'The changed contact'), ...errors(400, 401, 403, 404, 409) },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  request: { params: contactIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 403, 404) },
});

/** Mounted at /api/v1/accounts/{accountId}/contacts; every role reads, writes follow requireAccountWrite. */
export function contactRoutes() {
  return new OpenAPIHono<ServerEnv>()
    .openapi(list, async (c) => {
      const { accountId } = c.req.valid('param');
      return c.json({ items: await accountContacts(c.get('db'), accountId) }, 200);
    })
    .openapi(detail, async (c) => {
      const { accountId, id } = c.req.valid('param');
      return c.json(await getContact(c.get('db'), accountId, id), 200);
    })
    .openapi(create, async (c) => {
      const { accountId } = c.req.valid('param');
      const input = c.req.valid('json');
      const contact = await c
        .get('db')
        .transaction()
        .execute((trx) => createContact(trx, c.get('actor'), accountId, input));
      return c.json(contact, 201);
    })
    .openapi(update, async (c) => {
      const { accountId, id } = c.req.valid('param');
      const input = c.req.valid('json');
      const contact = await c
        .get('db')
        .transaction()
        .execute((trx) => updateContact(trx, c.get('actor'), accountId, id, input));
      return c.json(contact, 200);
    })
    .openapi(remove, async (c) => {
      const { accountId, id } = c.req.valid('param');
      await c
        .get('db')
        .transaction()
        .execute((trx) => deleteContact(trx, c.get('actor'), accountId, id));
      return c.body(null, 204);
    });
}
