/**
 * Sweden's 21 counties (län) by the letter code SCB and Lantmäteriet use: how the portfolio groups and
 * filters organisations by region. A kommun and a region belong to one; a myndighet to where it sits.
 */
export const COUNTIES = {
  AB: "Stockholms län",
  C: "Uppsala län",
  D: "Södermanlands län",
  E: "Östergötlands län",
  F: "Jönköpings län",
  G: "Kronobergs län",
  H: "Kalmar län",
  I: "Gotlands län",
  K: "Blekinge län",
  M: "Skåne län",
  N: "Hallands län",
  O: "Västra Götalands län",
  S: "Värmlands län",
  T: "Örebro län",
  U: "Västmanlands län",
  W: "Dalarnas län",
  X: "Gävleborgs län",
  Y: "Västernorrlands län",
  Z: "Jämtlands län",
  AC: "Västerbottens län",
  BD: "Norrbottens län",
} as const;

export type County = keyof typeof COUNTIES;
export const COUNTY_CODES = Object.keys(COUNTIES) as County[];
export const isCounty = (s: string): s is County => Object.hasOwn(COUNTIES, s);
