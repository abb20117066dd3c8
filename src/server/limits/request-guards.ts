// Guards that run first on every /graphql request, before the body is read: the request log (and
// request id), the rate limit, and - when read keys are configured - the key every read needs.
// Each returns false when it has answered the request itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { LimitsConfig } from '../../config/limits-config';
import { ErrorCode } from '../../errors/error-code';
import type { ApiKeys } from '../api-keys';
import { REQUEST_ID_HEADER, startHttpRequestLog } from '../logging';
import { clientAddress, enforceRateLimit, rateLimitClient, RateLimiter } from '../rate-limit';

export type RequestGuard = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** Logs the request when it finishes and makes its id visible to Apollo (through the request headers). */
export function requestLogGuard(logger: Logger): RequestGuard {
  return (req, res) => {
    req.headers[REQUEST_ID_HEADER] = startHttpRequestLog(logger, req, res);
    return true;
  };
}

export function rateLimitGuard(limiter: RateLimiter, apiKeys: ApiKeys, trustProxy: boolean): RequestGuard {
  return (req, res) => {
    const keyId = apiKeys.identifyHeader(req.headers.authorization)?.keyId;
    return enforceRateLimit(limiter, rateLimitClient(keyId, clientAddress(req, trustProxy)), res);
  };
}

/** When PAPERGRAPH_READ_KEYS is set, answers 401 UNAUTHENTICATED to requests without a valid key. */
export function readKeyGuard(apiKeys: ApiKeys): RequestGuard {
  return (req, res) => {
    if (!apiKeys.readsRequireKey || req.method === 'OPTIONS') return true;
    try {
      apiKeys.requireRead(req.headers.authorization);
      return true;
    } catch (error) {
      const body = JSON.stringify({
        errors: [{ message: (error as Error).message, extensions: { code: ErrorCode.UNAUTHENTICATED } }],
      });
      res.writeHead(401, {
        'WWW-Authenticate': 'Bearer',
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(body)),
      });
      res.end(body);
      return false;
    }
  };
}

export function createRequestGuards(config: LimitsConfig, apiKeys: ApiKeys, logger: Logger): RequestGuard[] {
  const guards = [requestLogGuard(logger)];
  if (config.rateLimit)
    guards.push(
      rateLimitGuard(
        new RateLimiter(config.rateLimit, config.rateLimitMaxClients),
        apiKeys,
        config.trustProxy,
      ),
    );
  if (apiKeys.readsRequireKey) guards.push(readKeyGuard(apiKeys));
  return guards;
}
