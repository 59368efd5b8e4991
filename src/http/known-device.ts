import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { KnownDevice } from "../domain/identity/authenticate-password.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { DEVICE_COOKIE, setCookie } from "./cookies.ts";

/** How long a browser stays known after its last successful login. */
export const KNOWN_DEVICE_DAYS = 180;
const PURPOSE = "known-device";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The known-device cookie: `v1.<device id>.<user id>.<issued, unix seconds>.<MAC>`, the MAC under a
 * key derived from SECRET_KEY, so only Ansluta can make one. It lets the right password through
 * the login throttle while others attack the account from elsewhere; it is never a credential.
 */
export function readKnownDevice(request: FastifyRequest, secrets: SecretBox, now: Date): KnownDevice | null {
  const value = request.cookies[DEVICE_COOKIE];
  if (!value || value.length > 200) return null;
  const [version, deviceId, userId, issued, mac, ...rest] = value.split(".");
  if (version !== "v1" || !deviceId || !userId || !issued || !mac || rest.length) return null;
  if (!/^[A-Za-z0-9_-]{22}$/.test(deviceId) || !UUID.test(userId) || !/^\d{1,12}$/.test(issued)) return null;
  if (!secrets.verifyMac(`${version}.${deviceId}.${userId}.${issued}`, mac, PURPOSE)) return null;
  const ageSeconds = now.getTime() / 1000 - Number(issued);
  if (ageSeconds < -300 || ageSeconds > KNOWN_DEVICE_DAYS * 86_400) return null;
  return { deviceId, userId };
}

/** After a successful login: the browser is (still) known for this user, for another KNOWN_DEVICE_DAYS. */
export function rememberDevice(
  request: FastifyRequest,
  reply: FastifyReply,
  { secrets, userId, previous, now }: { secrets: SecretBox; userId: string; previous: KnownDevice | null; now: Date },
) {
  const deviceId = previous?.userId === userId ? previous.deviceId : randomBytes(16).toString("base64url");
  const payload = `v1.${deviceId}.${userId}.${Math.floor(now.getTime() / 1000)}`;
  setCookie(request, reply, DEVICE_COOKIE, `${payload}.${secrets.mac(payload, PURPOSE)}`, KNOWN_DEVICE_DAYS * 86_400);
}
