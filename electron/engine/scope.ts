/**
 * Which users are in scope: OU filtering as Entra Connect does it. No included OU = the whole
 * directory. Otherwise a user is in scope when it lies under an included OU; an excluded OU
 * under it takes its subtree out again, and an included OU deeper still brings a part back:
 * the deepest matching OU decides. Comparison is by DN suffix, RFC 4514-aware, case-insensitive.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { isWithin, parseDn } from './dn.ts';

export interface ScopeConfig {
  readonly includeOUs: readonly string[];
  readonly excludeOUs: readonly string[];
}

export type ScopeReason = 'wholeDirectory' | 'includedOU' | 'notInIncludedOU' | 'excludedOU' | 'unreadableDn';

export interface ScopeDecision {
  readonly inScope: boolean;
  readonly reason: ScopeReason;
  /** The OU that decided, as configured. */
  readonly ou?: string;
}

interface Rule {
  readonly ou: string;
  readonly rdns: readonly string[];
  readonly include: boolean;
}

function rulesOf(list: readonly string[], include: boolean, field: string): Rule[] {
  return list.map((ou, i) => {
    const parsed = parseDn(ou);
    if (!parsed.ok || parsed.rdns.length === 0) {
      throw new AppError(
        ErrorCode.ConfigInvalid,
        `scope.${field}.${i}: "${ou}" is not a distinguished name${parsed.ok ? '' : ` (${parsed.problem})`}.`,
        'Write OUs as distinguished names, e.g. OU=Staff,DC=example,DC=com.',
      );
    }
    return { ou, rdns: parsed.rdns, include };
  });
}

export class Scope {
  /** Identifies the rules: a cursor earned under other rules cannot be reused. */
  readonly key: string;
  readonly #rules: readonly Rule[];
  readonly #wholeDirectory: boolean;
  readonly #cache = new Map<string, ScopeDecision>();

  constructor(config: ScopeConfig) {
    const include = rulesOf(config.includeOUs, true, 'includeOUs');
    const exclude = rulesOf(config.excludeOUs, false, 'excludeOUs');
    const both = include.find((i) => exclude.some((e) => e.rdns.join(',') === i.rdns.join(',')));
    if (both) {
      throw new AppError(
        ErrorCode.ConfigInvalid,
        `scope: "${both.ou}" is both included and excluded.`,
        'List each OU in includeOUs or excludeOUs, not both.',
      );
    }
    // Deepest first, so the first match is the one that decides.
    this.#rules = [...include, ...exclude].sort((a, b) => b.rdns.length - a.rdns.length);
    this.#wholeDirectory = include.length === 0;
    const canonical = (rules: Rule[]): string[] => rules.map((r) => r.rdns.join(',')).sort();
    this.key = JSON.stringify({ include: canonical(include), exclude: canonical(exclude) });
  }

  decide(dn: string): ScopeDecision {
    // Users share few parents: the parent's decision is computed once (a full parse per user
    // would dominate a 100k-user pass). Rules name containers, so the leaf RDN never decides.
    const split = leafEnd(dn);
    if (split < 0 || !parseDn(dn.slice(0, split)).ok) return this.#decideParsed(dn);
    const parent = dn.slice(split + 1);
    let decision = this.#cache.get(parent);
    if (decision === undefined) {
      decision = this.#decideParsed(parent);
      if (this.#cache.size >= 10_000) this.#cache.clear();
      this.#cache.set(parent, decision);
    }
    return decision;
  }

  #decideParsed(dn: string): ScopeDecision {
    const parsed = parseDn(dn);
    if (!parsed.ok || parsed.rdns.length === 0) return { inScope: false, reason: 'unreadableDn' };
    const rule = this.#rules.find((r) => isWithin(parsed.rdns, r.rdns));
    if (rule)
      return { inScope: rule.include, reason: rule.include ? 'includedOU' : 'excludedOU', ou: rule.ou };
    return this.#wholeDirectory
      ? { inScope: true, reason: 'wholeDirectory' }
      : { inScope: false, reason: 'notInIncludedOU' };
  }
}

/** Index of the first RDN separator (unescaped, unquoted , or ;), or -1. */
function leafEnd(dn: string): number {
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';')) return i;
  }
  return -1;
}
