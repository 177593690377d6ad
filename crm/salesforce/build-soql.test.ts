import { describe, expect, it } from 'vitest';
import { buildSoql, escapeSoqlString, soqlLiteral } from './build-soql.js';

describe('buildSoql', () => {
  it('selects Id and LastModifiedDate first, ANDs equality filters and ends with LIMIT', () => {
    expect(buildSoql({ type: 'Lead', fields: ['Email', 'Id'], where: { Status: 'Open', IsConverted: false, NumberOfEmployees: 50 }, limit: 10 })).toBe(
      "SELECT Id, LastModifiedDate, Email FROM Lead WHERE Status = 'Open' AND IsConverted = false AND NumberOfEmployees = 50 LIMIT 10",
    );
    expect(buildSoql({ type: 'Account', fields: [], where: {}, limit: 1 })).toBe('SELECT Id, LastModifiedDate FROM Account LIMIT 1');
  });

  it('escapes quotes, backslashes and control characters inside string literals', () => {
    expect(escapeSoqlString("O'Brien")).toBe("O\\'Brien");
    expect(escapeSoqlString('back\\slash "quoted"\nline')).toBe('back\\\\slash \\"quoted\\"\\nline');
    expect(soqlLiteral("x' OR Name != '")).toBe("'x\\' OR Name != \\''");
  });

  it('writes null, booleans and numbers as SOQL literals, never in exponent notation', () => {
    expect([soqlLiteral(null), soqlLiteral(true), soqlLiteral(-12.5), soqlLiteral(1e21), soqlLiteral(1e-7)]).toEqual(['null', 'true', '-12.5', '1000000000000000000000', '0.0000001']);
    expect(() => soqlLiteral(Number.NaN)).toThrow(/not a number SOQL can compare/);
  });

  it('refuses a field name that is not an API name, the one part SOQL cannot quote', () => {
    expect(() => buildSoql({ type: 'Account', fields: ['Name FROM User --'], where: {}, limit: 1 })).toThrow(/not a field API name/);
    expect(() => buildSoql({ type: 'Account', fields: [], where: { "Name = 'x' OR Id": 1 }, limit: 1 })).toThrow(/not a field API name/);
  });
});
