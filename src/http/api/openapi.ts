import { z } from "zod";
import { ErrorBody, type RegisteredApiRoute } from "./api-route.ts";

const toJson = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

function stripMeta(s: Record<string, unknown>) {
  const { $schema: _s, ...rest } = s;
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query" | "header") {
  if (!schema) return [];
  const json = toJson(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === "path" || (json.required ?? []).includes(name),
    schema: s,
  }));
}

const rawBodyContent = ({ mediaTypes, maxBytes }: NonNullable<RegisteredApiRoute["rawBody"]>) =>
  Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: "string", maxLength: maxBytes } }]));

function successResponse(response: RegisteredApiRoute["response"]) {
  if (response.schema) {
    return { description: "OK", content: { "application/json": { schema: stripMeta(toJson(response.schema, "output")) } } };
  }
  if (response.files) {
    const binary = { schema: { type: "string", contentMediaType: "application/octet-stream" } };
    return { description: "The file", content: Object.fromEntries(response.files.map((type) => [type, binary])) };
  }
  return { description: "No content" };
}

/** Builds the OpenAPI 3.1 document from the registered routes, so it cannot drift from them. */
export function buildOpenApi(routes: readonly RegisteredApiRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, "{$1}");
    const responses: Record<string, unknown> = {
      [r.response.status]: successResponse(r.response),
      "400": errorResponse("Invalid input (VALIDATION_FAILED, with field paths)"),
    };
    if (r.access === "authenticated") {
      responses["401"] = errorResponse("Missing or invalid bearer token");
      responses["403"] = errorResponse("The caller's roles do not allow this");
      responses["404"] = errorResponse("Not found, or not visible to the caller");
    }
    if (r.conflict) responses["409"] = errorResponse(r.conflict);
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/(^|[/_-])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`,
      parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query"), ...parameters(r.headers, "header")],
      ...(r.body
        ? { requestBody: { required: true, content: { "application/json": { schema: stripMeta(toJson(r.body, "input")) } } } }
        : r.rawBody
          ? { requestBody: { required: true, content: rawBodyContent(r.rawBody) } }
          : {}),
      responses,
      security: r.access === "authenticated" ? [{ bearerAuth: [] }] : [],
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Ansluta API",
      version,
      description:
        "Ansluta: connecting Swedish public organisations to Mina meddelanden. Authenticate with POST /api/v1/auth/login and send `Authorization: Bearer <token>`.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
      schemas: { Error: stripMeta(toJson(ErrorBody, "output")) },
    },
  };
}
