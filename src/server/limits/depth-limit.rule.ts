// Validation rule: rejects an operation whose fields nest deeper than `maxDepth` (fragments expanded,
// introspection included). Root fields are at depth 1. Introspection's `__Type.ofType` only unwraps
// the List/NonNull wrappers of one type (its chain ends in null after a few steps), so it adds no
// depth; a run of `ofType` is capped separately at `maxOfTypeChain`. With these rules the standard
// GraphiQL introspection query has depth 5, while `__schema { types { fields { type { fields ...` counts
// every level.
import { Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { queryTooComplex } from './limit-error';

export const DEFAULT_MAX_OF_TYPE_CHAIN = 16;

interface Measure {
  /** Deepest field level below this selection set (0 for an empty set). */
  depth: number;
  /** Longest run of nested `ofType` fields anywhere below. */
  chain: number;
  /** Longest run of `ofType` starting at this selection set. */
  leadingChain: number;
}

/** Measures an operation's selection set; exported for tests and the logger. */
export function measureDepth(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): { depth: number; ofTypeChain: number } {
  // Memo per fragment: a fragment's measure does not depend on where it is spread, so repeated
  // spreads cost nothing and fragment fan-out cannot make this exponential.
  const memo = new Map<string, Measure>();
  const visiting = new Set<string>();

  const measureSet = (set: SelectionSetNode): Measure => {
    const result: Measure = { depth: 0, chain: 0, leadingChain: 0 };
    for (const selection of set.selections) {
      let m: Measure;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet
          ? measureSet(selection.selectionSet)
          : { depth: 0, chain: 0, leadingChain: 0 };
        const isOfType = selection.name.value === 'ofType';
        const leading = isOfType ? child.leadingChain + 1 : 0;
        m = {
          depth: isOfType ? child.depth : child.depth + 1,
          chain: Math.max(child.chain, leading),
          leadingChain: leading,
        };
        if (isOfType && m.depth === 0) m.depth = 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        m = measureSet(selection.selectionSet);
      } else {
        m = measureFragment(selection.name.value);
      }
      result.depth = Math.max(result.depth, m.depth);
      result.chain = Math.max(result.chain, m.chain);
      result.leadingChain = Math.max(result.leadingChain, m.leadingChain);
    }
    return result;
  };

  const measureFragment = (name: string): Measure => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown or cyclic fragments are reported by graphql-js's own rules; count them as empty here.
    if (!fragment || visiting.has(name)) return { depth: 0, chain: 0, leadingChain: 0 };
    visiting.add(name);
    const m = measureSet(fragment.selectionSet);
    visiting.delete(name);
    memo.set(name, m);
    return m;
  };

  const m = measureSet(selectionSet);
  return { depth: m.depth, ofTypeChain: m.chain };
}

export function createDepthLimitRule(
  maxDepth: number,
  maxOfTypeChain = DEFAULT_MAX_OF_TYPE_CHAIN,
): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(node) {
        const { depth, ofTypeChain } = measureDepth(node.selectionSet, fragments);
        const name = node.name ? `Operation "${node.name.value}"` : 'The operation';
        if (depth > maxDepth) {
          context.reportError(
            queryTooComplex(
              `${name} nests fields ${depth} levels deep; the limit is ${maxDepth} (PAPERGRAPH_MAX_DEPTH). Split it into several queries.`,
              { limit: 'depth', depth, maxDepth },
              [node],
            ),
          );
        } else if (ofTypeChain > maxOfTypeChain) {
          context.reportError(
            queryTooComplex(
              `${name} nests \`ofType\` ${ofTypeChain} times; the limit is ${maxOfTypeChain}.`,
              { limit: 'ofType', depth: ofTypeChain },
              [node],
            ),
          );
        }
        return false;
      },
    };
  };
}
