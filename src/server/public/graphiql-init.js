// Starts GraphiQL against this server's /graphql with example tabs preloaded (lineage, dataset, leaderboard
// usage, path, search). The headers editor is on so an API key can be sent for `ingestPapers`:
//   { "Authorization": "Bearer <key>" }   (headers are not persisted in browser storage).
/* global React, ReactDOM, GraphiQL, document */
(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint') || '/graphql';
  var tabs = [
    {
      query: [
        '# Lineage: what a method builds on (ANCESTORS), what builds on it (DESCENDANTS), or both.',
        '# BUILDS_ON points child -> parent: `from` builds on `to`.',
        'query Lineage($name: String!, $maxDepth: Int) {',
        '  method(name: $name) {',
        '    id',
        '    name',
        '    introducedBy { id title published }',
        '    # first: the first 50 edges (by depth, then name); truncated: more follow',
        '    lineage(direction: BOTH, maxDepth: $maxDepth, first: 50) {',
        '      nodes { id name }',
        '      edges {',
        '        from { name }',
        '        to { name }',
        '        relation',
        '        depth',
        '        evidence { sentence paper { id title } }',
        '      }',
        '      truncated',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      variables: JSON.stringify({ name: 'TSMixer', maxDepth: 3 }, null, 2),
    },
    {
      query: [
        '# Dataset usage: papers evaluating on a dataset, and the methods evaluated on it.',
        'query DatasetUsage($name: String!, $first: Int, $after: String) {',
        '  dataset(name: $name) {',
        '    id',
        '    name',
        '    aliases',
        '    papers(role: USED, first: $first, after: $after) {',
        '      totalCount',
        '      pageInfo { hasNextPage endCursor }',
        '      edges { node { id title year } evidence { sentence } }',
        '    }',
        '    methods(first: 10) { edges { paperCount node { id name } } }',
        '  }',
        '}',
      ].join('\n'),
      variables: JSON.stringify({ name: 'ImageNet', first: 5 }, null, 2),
    },
    {
      query: [
        "# Leaderboard: the best result of each method on a dataset for a metric, best first by the metric's",
        '# direction (higher for accuracy, lower for error); sotaHistory: the results that set a new best.',
        'query Leaderboard($dataset: String!, $metric: String!, $first: Int, $after: String) {',
        '  dataset(name: $dataset) {',
        '    name',
        '    leaderboard(metric: $metric, first: $first, after: $after) {',
        '      totalCount',
        '      pageInfo { hasNextPage endCursor }',
        '      edges { node { value unit source date metric { name higherIsBetter } method { name } paper { title } } }',
        '    }',
        '    sotaHistory(metric: $metric) { date value method { name } }',
        '  }',
        '}',
      ].join('\n'),
      variables: JSON.stringify({ dataset: 'ImageNet', metric: 'top-1 accuracy', first: 10 }, null, 2),
    },
    {
      query: [
        '# Path: the shortest connection between any two nodes (global ids), ignoring direction.',
        'query Path($from: ID!, $to: ID!) {',
        '  path(from: $from, to: $to, maxLength: 6) {',
        '    length',
        '    nodes { __typename id ... on Entity { name } ... on Paper { title } }',
        '    edges { type relation from { id } to { id } }',
        '  }',
        '}',
      ].join('\n'),
      variables: JSON.stringify({ from: 'method:tsmixer', to: 'dataset:imagenet' }, null, 2),
    },
    {
      query: [
        '# Search: names, aliases and titles; tolerant to case and small typos.',
        'query Search($q: String!, $types: [EntityType!]) {',
        '  search(query: $q, types: $types, first: 10) {',
        '    score',
        '    node { __typename id ... on Entity { name aliases } ... on Paper { title } ... on Repo { url } }',
        '  }',
        '}',
      ].join('\n'),
      variables: JSON.stringify({ q: 'mixer', types: null }, null, 2),
    },
  ];
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: tabs,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'variables',
    }),
  );
})();
