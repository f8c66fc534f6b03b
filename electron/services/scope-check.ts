/** Main's check of a scope the renderer sends: DNs only, each rule once, normalised. */
import { looksLikeDn } from '../../shared/dn.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { normalizeScope, type ScopeSelection } from '../../shared/scope-rules.ts';

export function validateScopeDns(scope: ScopeSelection): { includedOus: string[]; excludedOus: string[] } {
  const bad = [...scope.includedOus, ...scope.excludedOus].filter((dn) => !looksLikeDn(dn));
  if (bad.length > 0) {
    throw new AppError(
      ErrorCode.InvalidArgument,
      `Not distinguished names: ${bad.map((dn) => `"${dn}"`).join(', ')}.`,
      'Choose the organizational units in the tree.',
    );
  }
  const normal = normalizeScope(scope);
  return { includedOus: [...normal.includedOus], excludedOus: [...normal.excludedOus] };
}
