import { createTacticAlternative } from "../../../domain/tactics/create-tactic-alternative.ts";
import { deleteTacticAlternative } from "../../../domain/tactics/delete-tactic-alternative.ts";
import { getTacticAlternative, listTacticAlternatives } from "../../../domain/tactics/list-tactic-alternatives.ts";
import { TacticAlternativeInput } from "../../../domain/tactics/tactic-input.ts";
import { updateTacticAlternative } from "../../../domain/tactics/update-tactic-alternative.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { AlternativeParams, TacticAlternative, TacticAlternativeList } from "./tactics.schema.ts";

/** The initiative's connection-tactic alternatives and their comparison: read by every member, written by its team. */
export function tacticsApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/tactics",
    summary: "The initiative's connection-tactic alternatives, oldest first, with their comparison against doing nothing",
    tag: "tactics",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: TacticAlternativeList },
    handler: async ({ actor, params, now }) => {
      const { alternatives, comparison, canManage } = await listTacticAlternatives({ db, actor, now, initiativeId: params.initiativeId });
      return { alternatives, comparison, canManage };
    },
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/tactics",
    summary: "Add a connection-tactic alternative (the initiative's team); recommending it withdraws the other recommendation",
    tag: "tactics",
    access: "authenticated",
    params: InitiativeParams,
    body: TacticAlternativeInput,
    response: { status: 201, schema: TacticAlternative },
    handler: async ({ actor, params, body, now }) =>
      createTacticAlternative({ db, actor, now, initiativeId: params.initiativeId, input: body }),
  });

  api({
    method: "GET",
    url: "/api/v1/tactics/:alternativeId",
    summary: "One connection-tactic alternative",
    tag: "tactics",
    access: "authenticated",
    params: AlternativeParams,
    response: { status: 200, schema: TacticAlternative },
    handler: async ({ actor, params }) => (await getTacticAlternative({ db, actor, alternativeId: params.alternativeId })).alternative,
  });

  api({
    method: "PUT",
    url: "/api/v1/tactics/:alternativeId",
    summary: "Replace an alternative's fields (the initiative's team); left-out fields get their defaults again",
    tag: "tactics",
    access: "authenticated",
    params: AlternativeParams,
    body: TacticAlternativeInput,
    response: { status: 200, schema: TacticAlternative },
    handler: async ({ actor, params, body, now }) =>
      updateTacticAlternative({ db, actor, now, alternativeId: params.alternativeId, input: body }),
  });

  api({
    method: "DELETE",
    url: "/api/v1/tactics/:alternativeId",
    summary: "Remove a connection-tactic alternative (the initiative's team)",
    tag: "tactics",
    access: "authenticated",
    params: AlternativeParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await deleteTacticAlternative({ db, actor, now, alternativeId: params.alternativeId });
    },
  });
}
