import {
  environmentCall,
  messageOfCall,
  messagesOfCall,
  type SandboxCallRow,
  type SandboxMessageRow,
} from "../../../db/repositories/sandbox-run-repository.ts";
import { notFound } from "../../shared/domain-error.ts";
import type { UseCaseContext } from "../../shared/use-case.ts";
import { decodedContent, isPdfContent, mediaTypeOf, safeFilename, storedAttachments } from "./delivered-content.ts";
import { sandboxEnvironmentOf } from "./sandbox-environment-of.ts";
import { callDetail } from "./test-run-call-view.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;
type CallRef = { initiativeId: string; callId: string };

async function callOf(ctx: Ctx, { initiativeId, callId }: CallRef) {
  const { initiative, environment } = await sandboxEnvironmentOf(ctx, initiativeId);
  const call = environment ? await environmentCall(ctx.db, environment.id, callId) : null;
  if (!call) throw notFound("call");
  return { initiative, call };
}

/** One call of the initiative's environment in full, with its checks and the metadata of the messages it delivered. */
export async function getTestRunCall(ctx: Ctx & CallRef) {
  const { initiative, call } = await callOf(ctx, ctx);
  return { initiative, call: callDetail(call, await messagesOfCall(ctx.db, call.id)) };
}

async function messageOf(ctx: Ctx & CallRef & { position: number }): Promise<{ call: SandboxCallRow; message: SandboxMessageRow }> {
  const { call } = await callOf(ctx, ctx);
  const message = await messageOfCall(ctx.db, call.id, ctx.position);
  if (!message) throw notFound("message");
  return { call, message };
}

/** A delivered message's body, decoded, with the media type it was sent as. */
export async function readDeliveredBody(ctx: Ctx & CallRef & { position: number }) {
  const { message } = await messageOf(ctx);
  return { mediaType: mediaTypeOf(message.bodyContentType), subject: message.subject ?? "", bytes: decodedContent(message.bodyBase64) };
}

/** One attachment of a delivered message, decoded, named safely, and typed by its content. */
export async function readDeliveredAttachment(ctx: Ctx & CallRef & { position: number; index: number }) {
  const { message } = await messageOf(ctx);
  const attachment = storedAttachments(message.attachments)[ctx.index];
  if (!attachment) throw notFound("attachment");
  const bytes = decodedContent(attachment.base64);
  return {
    filename: safeFilename(attachment.filename, ctx.index),
    contentType: isPdfContent(bytes) ? "application/pdf" : "application/octet-stream",
    bytes,
  };
}
