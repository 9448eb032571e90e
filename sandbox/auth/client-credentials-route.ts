/**
 * OAuth 2.0 client-credentials token endpoint (Aptic's /login/oauth/access_token, Vettig's
 * configurable token path). Takes a form post or JSON, or the pair in HTTP Basic auth, and
 * answers in RFC 6749 form: {access_token, token_type: 'Bearer', expires_in} or {error, error_description}.
 */
import { decodeFormOrJson } from '../http/request-body';
import { json, type Reply } from '../http/reply';
import type { Route } from '../http/router';
import type { TokenIssuer } from './token-issuer';

function oauthError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

function basicCredentials(authorization: string | undefined): { id: string; secret: string } | null {
  const match = /^basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

export function clientCredentialsRoute(path: string, client: { clientId: string; clientSecret: string }, issuer: TokenIssuer): Route {
  return {
    method: 'POST',
    pattern: path,
    public: true,
    handle(context) {
      const fields = decodeFormOrJson(context.bodyText, context.contentType);
      const basic = basicCredentials(context.headers.authorization);
      const grantType = fields.grant_type ?? '';
      if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `grant_type must be client_credentials, got '${grantType}'`);
      const id = fields.client_id ?? basic?.id ?? '';
      const secret = fields.client_secret ?? basic?.secret ?? '';
      if (id !== client.clientId || secret !== client.clientSecret) return oauthError(401, 'invalid_client', 'Unknown client_id or wrong client_secret');
      const { accessToken, expiresIn } = issuer.issue();
      return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn }, { 'cache-control': 'no-store' });
    },
  };
}
