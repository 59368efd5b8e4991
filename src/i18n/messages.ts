import type { sv } from "./sv.ts";

export type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? readonly Widen<U>[]
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language must fill: the Swedish catalogue with its literal texts widened. */
export type Messages = Widen<typeof sv>;
