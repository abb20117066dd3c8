// Enums shared across the schema. Their values select static Cypher fragments (closed sets), so no
// request text ever becomes part of a statement.
import { registerEnumType } from 'type-graphql';

export enum Role {
  INTRODUCED = 'INTRODUCED',
  USED = 'USED',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'How a paper relates to a method or dataset.',
  valuesConfig: {
    INTRODUCED: { description: 'The paper introduces it (`INTRODUCES`).' },
    USED: { description: 'The paper uses it (`USES` for methods, `EVALUATES_ON` for datasets).' },
  },
});

export enum Source {
  extracted = 'extracted',
  pwc = 'pwc',
  curated = 'curated',
}
registerEnumType(Source, {
  name: 'Source',
  description: 'Where a relationship came from.',
  valuesConfig: {
    extracted: { description: "Papergraph's extractor (titles and abstracts)." },
    pwc: { description: 'The Papers with Code archive dumps.' },
    curated: { description: 'Added by hand.' },
  },
});

export enum EntityType {
  PAPER = 'PAPER',
  METHOD = 'METHOD',
  DATASET = 'DATASET',
  TASK = 'TASK',
  CONCEPT = 'CONCEPT',
  REPO = 'REPO',
  METRIC = 'METRIC',
}
registerEnumType(EntityType, {
  name: 'EntityType',
  description: 'The kinds of nodes in the graph (used to filter `search` and `trending`).',
  valuesConfig: {
    PAPER: { description: 'Papers.' },
    METHOD: { description: 'Methods (models, architectures, algorithms).' },
    DATASET: { description: 'Datasets and benchmarks.' },
    TASK: { description: 'Tasks.' },
    CONCEPT: { description: 'Concepts.' },
    REPO: { description: 'Code repositories.' },
    METRIC: { description: 'Evaluation metrics (`search` only: no paper links a metric directly).' },
  },
});

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Ascending.' }, DESC: { description: 'Descending.' } },
});

export enum LineageDirection {
  ANCESTORS = 'ANCESTORS',
  DESCENDANTS = 'DESCENDANTS',
  BOTH = 'BOTH',
}
registerEnumType(LineageDirection, {
  name: 'LineageDirection',
  description: 'Which way to walk `BUILDS_ON` (child -> parent).',
  valuesConfig: {
    ANCESTORS: { description: 'Methods this one builds on, transitively (parents, grandparents, ...).' },
    DESCENDANTS: { description: 'Methods that build on this one, transitively.' },
    BOTH: { description: 'Ancestors and descendants.' },
  },
});
