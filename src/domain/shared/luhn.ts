/**
 * The Luhn check digit (mod 10, doubling every other digit from the left) that closes Swedish
 * organisationsnummer, personnummer and samordningsnummer. Shared by the domain's organisation
 * numbers and the sandbox's synthetic recipients, so neither depends on the other.
 */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = nineDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
