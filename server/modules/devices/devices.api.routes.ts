import type { Kernel } from '../../kernel/context.ts';
import type { App } from '../../kernel/module.ts';
import { DEVICE_RATE_PER_SECOND } from './devices.constants.ts';
import { DEVICE_EVENTS_PATH, DEVICE_HEADERS } from './devices.signature.ts';
import { ingestDeviceEvent } from './use-cases/ingest-device-event.ts';

/**
 * The device API: no session; every request is signed by a registered device (use-cases/ingest-device-event.ts).
 * The body is read raw (the signature covers its bytes) and capped at 4 KB; each device key may make
 * DEVICE_RATE_PER_SECOND requests a second (429 past it), counted before the signature is checked so a flood
 * costs no HMAC.
 */
export async function deviceApiRoutes(app: App, kernel: Kernel) {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(
      DEVICE_EVENTS_PATH,
      {
        config: {
          public: true,
          rateLimit: { max: DEVICE_RATE_PER_SECOND, timeWindow: 1000, keyGenerator: (req) => `device:${String(req.headers[DEVICE_HEADERS.key] ?? req.ip).slice(0, 64)}` },
        },
        schema: { tags: ['device API'], summary: 'A signed device event: a person or vehicle at a gate, a space sensed, a lane counted, a heartbeat' },
      },
      async (req) => ingestDeviceEvent(kernel, { method: req.method, path: DEVICE_EVENTS_PATH, headers: req.headers, rawBody: typeof req.body === 'string' ? req.body : '' }),
    );
  });
}
