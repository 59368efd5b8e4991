import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Notice } from "../ui/page-context.ts";

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
export const setFlash = (request: FastifyRequest, reply: FastifyReply, notice: Notice) =>
  setCookie(request, reply, FLASH_COOKIE, encodeURIComponent(JSON.stringify(notice)), 60);

const FlashCookie = z.object({ text: z.string(), at: z.string().nullable() });

/** The notice left by the redirect before, once: reading it clears it. The browser may send anything, so it is parsed. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Notice | null {
  const flash = request.cookies[FLASH_COOKIE];
  if (!flash) return null;
  clearCookie(request, reply, FLASH_COOKIE);
  try {
    const parsed = FlashCookie.safeParse(JSON.parse(decodeURIComponent(flash)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
