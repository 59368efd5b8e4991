// The reference delivery is the CLI's sandbox:send too; tests keep importing it from here.
export * from "../sender/reference-delivery.ts";
