// Validation rule: rejects a document with more than `maxAliases` aliased fields (counted in the
// whole document, fragments included), the cheap way to ask for the same expensive field many times.
import type { ValidationRule } from 'graphql';
import { queryTooComplex } from './limit-error';

export function createAliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let count = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias || reported) return;
        count += 1;
        if (count > maxAliases) {
          reported = true;
          context.reportError(
            queryTooComplex(
              `The document uses more than ${maxAliases} aliases (PAPERGRAPH_MAX_ALIASES). Ask for fewer fields at once, or use a list field with \`first\`.`,
              { limit: 'aliases', maxAliases },
            ),
          );
        }
      },
    };
  };
}
