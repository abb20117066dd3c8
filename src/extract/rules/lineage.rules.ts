// Lineage rules: the cue words that state how the paper's method relates to another method.
// A relation is only emitted where such a cue governs the other method's mention in a sentence
// about the paper's own method - never from co-occurrence alone.
import type { LineageRelation } from '../extraction.types';
import type { Rule } from './rule.types';

export interface LineageRule extends Rule {
  relation: LineageRelation;
}

export const LINEAGE_RULES: LineageRule[] = [
  {
    id: 'lineage-replaces',
    relation: 'replaces_component',
    pattern: /\b(?:replac(?:e|es|ed|ing)|substitut(?:e|es|ed|ing)|swap(?:s|ped|ping)?)\b/i,
    reason: '"replaces the X (layers) of/in P with ...": the method swaps a component of P',
    confidence: 0.75,
  },
  {
    id: 'lineage-combines',
    relation: 'combines',
    pattern:
      /\b(?:combin(?:e|es|ed|ing|ation)|hybrid|integrat(?:e|es|ed|ing|ion)|fus(?:e|es|ed|ing|ion)|merg(?:e|es|ed|ing)|unif(?:y|ies|ied|ying)|marr(?:y|ies|ied))\b/i,
    reason: '"combines X and Y" / "a hybrid of X and Y": the method is a combination of both',
    confidence: 0.7,
  },
  {
    id: 'lineage-extends',
    relation: 'extends',
    pattern:
      /\b(?:improv(?:e|es|ed|ing)(?: upon| on)?|extend(?:s|ed|ing)?|extension of|build(?:s|ing)? (?:up)?on|built (?:up)?on|enhanc(?:e|es|ed|ing)|generaliz(?:e|es|ed|ing)|generalis(?:e|es|ed|ing)|augment(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|revisit(?:s|ed|ing)?|boost(?:s|ed|ing)?)\b/i,
    reason: '"improves / extends / builds upon P": the method extends P',
    confidence: 0.7,
  },
  {
    id: 'lineage-variant',
    relation: 'variant_of',
    pattern:
      /\b(?:variant|version|adaptation|modification|instance|instantiation|derivative|flavor|type) of\b|\b(?:inspired by|adapt(?:s|ed|ing)?|modif(?:y|ies|ied|ying)|lightweight|light-weight|simplified|efficient|sparse|tiny|smaller|larger|deeper)\b/i,
    reason: '"a variant of P" / "a lightweight P": the method is a version of P',
    confidence: 0.65,
  },
  {
    id: 'lineage-uses',
    relation: 'uses_component',
    pattern:
      /\b(?:using|uses|use|used|based on|consist(?:s|ing)? of|compos(?:ed|es) of|equipped with|employ(?:s|ed|ing)?|leverag(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|utiliz(?:e|es|ed|ing)|incorporat(?:e|es|ed|ing)|built with|built from|with|via|through|powered by|relies on|rely on|stack(?:s|ed|ing)?|contain(?:s|ing)?|includ(?:e|es|ing)|introduc(?:e|es|ing)|add(?:s|ing)?|apply|applies|applying|exploit(?:s|ing)?|design(?:ed)? (?:using|with)|-based)\b/i,
    reason: '"X uses / is built with / consists of P": P is a component of the method',
    confidence: 0.6,
  },
];

/** Cues that make a co-mentioned method a comparison, never a parent. */
export const COMPARISON_CUE =
  /\b(?:outperform(?:s|ed|ing)?|than|compared (?:to|with)|comparison|versus|vs\.?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|competitive with|on par with|comparable to|rival(?:s|ing)?|baselines?|unlike|instead of|rather than|alternative to|alternatives to|against)\b/i;
