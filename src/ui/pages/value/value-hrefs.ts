/**
 * Where the pages about an initiative's value and risk live (issue 12): the business case with its
 * effektkedja, the nyttorealiseringsplan with its measurements, the risk register and the
 * reserve-operation plans. One module, so the pages can link each other without importing each other.
 */
export const businessCaseHref = (initiativeId: string) => `/initiatives/${initiativeId}/business-case`;
export const businessCaseXlsxHref = (initiativeId: string) => `/initiatives/${initiativeId}/business-case.xlsx`;
export const effectChainHref = (initiativeId: string) => `/initiatives/${initiativeId}/business-case/effect-chain`;
export const benefitsHref = (initiativeId: string) => `/initiatives/${initiativeId}/benefits`;
export const newBenefitHref = (initiativeId: string) => `/initiatives/${initiativeId}/benefits/new`;
export const benefitHref = (benefitId: string) => `/benefits/${benefitId}`;
export const risksHref = (initiativeId: string) => `/initiatives/${initiativeId}/risks`;
export const newRiskHref = (initiativeId: string) => `/initiatives/${initiativeId}/risks/new`;
export const riskHref = (riskId: string) => `/risks/${riskId}`;
export const reservePlansHref = (initiativeId: string) => `/initiatives/${initiativeId}/reserve-plans`;
