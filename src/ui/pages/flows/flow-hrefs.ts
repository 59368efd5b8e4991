/**
 * Where the pages about an initiative's flows live: the register, its planning (priorities, tactics,
 * reach), the forecast with its versions, and the connection plan. One module, so the pages can link
 * each other without importing each other.
 */
export const flowsHref = (initiativeId: string) => `/initiatives/${initiativeId}/flows`;
export const newFlowHref = (initiativeId: string) => `/initiatives/${initiativeId}/flows/new`;
export const flowImportHref = (initiativeId: string) => `/initiatives/${initiativeId}/flows/import`;
export const prioritiesHref = (initiativeId: string) => `/initiatives/${initiativeId}/flows/priorities`;
export const flowSettingsHref = (initiativeId: string) => `/initiatives/${initiativeId}/flow-settings`;
export const tacticsHref = (initiativeId: string) => `/initiatives/${initiativeId}/tactics`;
export const forecastHref = (initiativeId: string) => `/initiatives/${initiativeId}/forecast`;
export const versionsHref = (initiativeId: string) => `/initiatives/${initiativeId}/forecast/versions`;
export const planHref = (initiativeId: string) => `/initiatives/${initiativeId}/plan`;
export const flowHref = (flowId: string) => `/flows/${flowId}`;
export const deleteFlowHref = (flowId: string) => `/flows/${flowId}/delete`;
