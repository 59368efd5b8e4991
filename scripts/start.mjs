// `npm start`: the server from its bundle, rebuilt first when src/ has changed (server-bundle.mjs).
import { pathToFileURL } from "node:url";
import { ensureServerBundle } from "./server-bundle.mjs";

await import(pathToFileURL(await ensureServerBundle()).href);
