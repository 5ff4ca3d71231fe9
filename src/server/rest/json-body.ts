import type { FastifyInstance, FastifyRequest } from 'fastify';

type Done = (err: Error | null, body?: unknown) => void;

/** A 400 that the app's error handler answers as BAD_USER_INPUT with this message. */
function notJson(): Error {
  return Object.assign(new Error('The request body must be JSON (send it with Content-Type: application/json).'), { statusCode: 400 });
}

/**
 * The reference's own curl examples for safe-to-spend and transfers send their JSON with `-d` and no
 * Content-Type, which curl labels application/x-www-form-urlencoded; other clients send no
 * Content-Type at all. Partner code copied from the reference has to keep working, so in the REST
 * context those two are read as JSON, with the same parser (and prototype-poisoning checks) as
 * application/json. Any other declared type gets 415, text/plain included (Fastify parses that one by
 * default, so the body reached the routes as a string and got 400). Only the REST routes do this:
 * /graphql keeps Fastify's parsers, and Apollo answers a body it cannot read with 400.
 */
export function acceptUnlabelledJson(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error');
  const parse = (request: FastifyRequest, body: string, done: Done) =>
    json(request, body, (err, value) => (err ? done(notJson()) : done(null, value)));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, parse);
  app.removeContentTypeParser('text/plain');
  // '*' is Fastify's catch-all; it is reached for a missing Content-Type and for types no parser knows.
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done: Done) => {
    if (request.headers['content-type'] === undefined) return parse(request, body as string, done);
    done(Object.assign(new Error('Unsupported Media Type: send the body as application/json.'), { statusCode: 415 }));
  });
}
