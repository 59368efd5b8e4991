import type { FastifyReply, FastifyRequest } from "fastify";

export const SESSION_COOKIE = "ansluta_session";
export const CSRF_COOKIE = "ansluta_csrf";
export const LOCALE_COOKIE = "ansluta_lang";
export const FLASH_COOKIE = "ansluta_flash";
/** A browser that has logged in before (src/http/known-device.ts): the login throttle lets its owner through. */
export const DEVICE_COOKIE = "ansluta_device";

/** HttpOnly and SameSite=Lax always; Secure whenever the request reached us over TLS. */
export function setCookie(request: FastifyRequest, reply: FastifyReply, name: string, value: string, maxAgeSeconds?: number) {
  reply.setCookie(name, value, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  });
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, name: string) {
  reply.clearCookie(name, { path: "/", httpOnly: true, sameSite: "lax", secure: request.protocol === "https" });
}

/** A one-shot notice shown on the page after a redirect (post/redirect/get). */
export const setFlash = (request: FastifyRequest, reply: FastifyReply, text: string) =>
  setCookie(request, reply, FLASH_COOKIE, encodeURIComponent(text), 60);
