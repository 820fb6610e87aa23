import { z } from 'zod';
import { Problem } from '../../lib/contract/common';
import { routes, type RouteSpec } from '../../lib/contract/routes';

type JsonSchema = Record<string, unknown>;

const json = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  // Each schema becomes part of one document, so its own $schema line would be noise.
  const { $schema: _omit, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const commonErrors = (route: RouteSpec): Record<string, unknown> => {
  const errors: Record<string, unknown> = {};
  const add = (status: number, description: string) => (errors[status] = { description, content: problemContent });
  if (route.body) {
    add(400, 'Malformed JSON');
    add(413, 'Body larger than 1 MB');
    add(415, 'Body is not application/json');
    add(422, 'Body does not match the schema; `errors` names each path');
  } else if (route.query) add(400, 'Invalid query parameters');
  if (route.auth !== 'none') add(401, 'Missing or invalid bearer token');
  if (route.auth === 'admin') add(403, 'Not an admin');
  if (route.path.includes('{')) add(404, 'No such resource');
  return errors;
};

function operation(route: RouteSpec) {
  const parameters: unknown[] = [];
  for (const name of route.path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
    parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  if (route.query) {
    const schema = json(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: prop });
    }
  }
  if (route.path === '/v1/queue' || route.path === '/v1/policy') {
    parameters.push({ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } });
  }

  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] = schema
      ? { description: describe(Number(status)), content: { 'application/json': { schema: json(schema, 'output') } } }
      : { description: describe(Number(status)) };
  }
  Object.assign(responses, commonErrors(route));

  return {
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/\{(\w+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: json(route.body, 'input') } } } }
      : {}),
    responses,
    security: route.auth === 'none' ? [] : [{ bearer: [] }],
  };
}

const describe = (status: number) =>
  ({
    200: 'OK',
    201: 'Created',
    204: 'No content',
    302: 'Redirect to the tagged item URL',
    304: 'Not modified (ETag matched)',
  })[status] ?? String(status);

/** OpenAPI 3.1 (whose schemas are JSON Schema 2020-12, what zod emits) built from lib/contract/routes. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Relay API',
      version: '1',
      description:
        'Employee advocacy backend. Errors are application/problem+json (RFC 9457). A malformed query is 400, ' +
        'a body of the wrong shape 422.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Problem: json(Problem, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /v1/auth/redeem' } },
    },
  };
}
