// The operations of the API integration tests (queries.int.test.ts), with their variables.

export interface QueryCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const CASES: QueryCase[] = [
  {
    name: 'method by alias, with introducedBy, parents, children, papers(role), repos, datasets, tasks, related',
    query: `query Method($name: String!) {
      method(name: $name) {
        id name aliases fullName
        introducedBy { id title published }
        parents { totalCount edges { relation confidence source sources node { id name }
          evidence { sentence text field start end confidence extractorVersion source rule paper { id } } } }
        children { totalCount edges { relation node { id name } } }
        papers(role: USED) { totalCount edges { role confidence sources node { id title } } }
        repos { totalCount edges { node { id url host owner name stars } } }
        datasets { totalCount edges { paperCount role node { id name } } }
        tasks { totalCount edges { paperCount node { id name } } }
        related(first: 4) { paperCount node { __typename id name } }
      }
    }`,
    variables: { name: 'lattice net' },
  },
  {
    name: 'method by id; unknown id and unknown name give null',
    query: `query($id: ID!) {
      known: method(id: $id) { id name }
      unknownId: method(id: "method:nope-not-here") { id }
      unknownName: method(name: "No Such Method Anywhere") { id }
      wrongType: method(id: "dataset:textbench") { id }
    }`,
    variables: { id: 'method:hexnet' },
  },
  {
    name: 'a name shared by two methods is BAD_USER_INPUT listing the candidates',
    query: 'query($name: String!) { method(name: $name) { id } }',
    variables: { name: 'QZN' },
  },
  {
    name: 'dataset by name with papers(role), methods, tasks, introducedBy',
    query: `query($name: String!) {
      dataset(name: $name) {
        id name aliases
        introducedBy { id }
        papers(role: USED, first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor role node { id } evidence { text } } }
        methods { totalCount edges { paperCount node { id } } }
        tasks { edges { paperCount node { id } } }
      }
      hexset: dataset(id: "dataset:hexset") { introducedBy { id } papers(role: INTRODUCED) { edges { role node { id } } } }
    }`,
    variables: { name: 'imagegrid 1k' },
  },
  {
    name: 'task and concept lookups with their papers, methods and datasets',
    query: `{
      task(name: "grid-tagging") { id name papers { edges { node { id } } } methods { edges { paperCount node { id } } }
        datasets { edges { paperCount node { id } } } related { paperCount node { id } } }
      concept(id: "concept:gridattention") { id name papers { totalCount edges { node { id } evidence { sentence text } } } }
    }`,
  },
  {
    name: 'paper by bare and global id with all nested connections',
    query: `query($id: ID!) {
      paper(id: $id) {
        id paperId title published year authors url
        methods { edges { role confidence node { id } } }
        introduced: methods(role: INTRODUCED) { edges { node { id } } }
        datasets { edges { role node { id } } }
        tasks { totalCount }
        concepts { edges { node { id } } }
        repos { edges { node { id url } } }
      }
      global: paper(id: "paper:fx-0001") { id tasks { edges { node { id name } } } }
      missing: paper(id: "fx-9999") { id }
    }`,
    variables: { id: 'fx-0002' },
  },
  {
    name: 'repo by URL in any spelling, with its papers and methods',
    query: `{
      a: repo(url: "https://github.com/FX-Lab/LatticeNet") { id url papers { edges { node { id } } } methods { edges { node { id } } } }
      b: repo(url: "github.com/fx-lab/latticenet.git") { id }
      c: repo(url: "https://example.org/not/a-repo") { id }
    }`,
  },
  {
    name: 'node(id) for every type',
    query: `{
      a: node(id: "paper:fx-0001") { __typename id }
      b: node(id: "method:latticenet") { __typename id ... on Entity { name } }
      c: node(id: "dataset:hexset") { __typename id }
      d: node(id: "task:gridtagging") { __typename id }
      e: node(id: "concept:gridattention") { __typename id }
      f: node(id: "repo:github.com/fx-lab/latticenet") { __typename id ... on Repo { url } }
      g: node(id: "nonsense") { id }
      j: node(id: "method:unknown") { id }
    }`,
  },
  {
    name: 'lineage ANCESTORS (default depth 3): pairs once with all evidence, edges from child to parent',
    query: `query($id: ID!) {
      method(id: $id) {
        lineage { nodes { id name } edges { from { name } to { name } relation relations depth confidence sources
          evidence { sentence paper { id title } } } }
      }
    }`,
    variables: { id: 'method:tinylattice' },
  },
  {
    name: 'lineage ANCESTORS with maxDepth 1',
    query: `query($id: ID!, $d: Int) { method(id: $id) { lineage(direction: ANCESTORS, maxDepth: $d) { nodes { id } edges { from { name } to { name } depth } } } }`,
    variables: { id: 'method:tinylattice', d: 1 },
  },
  {
    name: 'lineage DESCENDANTS',
    query: `query($id: ID!) { method(id: $id) { lineage(direction: DESCENDANTS, maxDepth: 5) { nodes { id } edges { from { name } to { name } relation depth } } } }`,
    variables: { id: 'method:alphaformer' },
  },
  {
    name: 'lineage BOTH',
    query: `query($id: ID!) { method(id: $id) { lineage(direction: BOTH, maxDepth: 2) { root { id } nodes { id name } edges { from { name } to { name } relation depth evidence { sentence paper { id title } } } } } }`,
    variables: { id: 'method:latticenet2' },
  },
  {
    name: 'lineage of a method without BUILDS_ON is just the root',
    query: `{ method(id: "method:qzn") { lineage(direction: BOTH) { nodes { id } edges { depth } } } }`,
  },
  {
    name: 'shortest path between two nodes (undirected, any type)',
    query: `query($from: ID!, $to: ID!, $max: Int) {
      path(from: $from, to: $to, maxLength: $max) {
        length
        nodes { __typename id }
        edges { type relation confidence source from { id } to { id } evidence { sentence } }
      }
    }`,
    variables: { from: 'method:tinylattice', to: 'dataset:textbench', max: 4 },
  },
  {
    name: 'path: too short a maxLength, an unknown node, and the same node',
    query: `{
      short: path(from: "method:tinylattice", to: "dataset:textbench", maxLength: 2) { length }
      unknown: path(from: "method:tinylattice", to: "method:nope") { length }
      same: path(from: "method:hexnet", to: "method:hexnet") { length nodes { id } edges { type } }
    }`,
  },
  {
    name: 'top-level papers with filters, ordering and paging',
    query: `query($first: Int, $after: String) {
      all: papers(first: $first, after: $after, filter: { yearFrom: 1951, yearTo: 1955 }) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id year } }
      }
      byTitle: papers(first: 3, filter: { yearFrom: 1951, yearTo: 1955 }, orderBy: { field: TITLE, direction: ASC }) { edges { node { title } } }
      usesLattice: papers(filter: { usesMethod: "method:latticenet", role: USED }) { totalCount edges { node { id } } }
      introducesLattice: papers(filter: { usesMethod: "method:latticenet", role: INTRODUCED }) { edges { node { id } } }
      onImageGrid: papers(filter: { evaluatesOn: "dataset:imagegrid1k", yearTo: 1952 }) { edges { node { id } } }
      gridTagging: papers(filter: { addressesTask: "task:gridtagging" }) { edges { node { id } } }
      withCode: papers(filter: { hasCode: true, yearFrom: 1951, yearTo: 1955 }) { edges { node { id } } }
      withoutCode: papers(filter: { hasCode: false, yearFrom: 1955, yearTo: 1955 }) { totalCount }
    }`,
    variables: { first: 2, after: 'b2Zmc2V0OjA=' },
  },
  {
    name: 'top-level methods, datasets, tasks, concepts with filters and ordering',
    query: `{
      methods(first: 3, filter: { yearFrom: 1951, yearTo: 1955 }) { totalCount edges { paperCount node { id } } }
      byName: methods(first: 3, filter: { yearFrom: 1951, yearTo: 1955 }, orderBy: { field: NAME, direction: ASC }) { edges { node { name } } }
      byYear: methods(first: 3, filter: { yearFrom: 1951, yearTo: 1955 }, orderBy: { field: YEAR, direction: DESC }) { edges { node { name } } }
      introduced1952: methods(filter: { yearFrom: 1952, yearTo: 1952, role: INTRODUCED }) { edges { paperCount node { id } } }
      onTextBench: methods(filter: { evaluatesOn: "dataset:textbench" }) { edges { paperCount node { id } } }
      withCode: methods(filter: { hasCode: true, yearFrom: 1951, yearTo: 1955 }) { edges { node { id } } }
      datasets(filter: { usesMethod: "method:latticenet" }) { totalCount edges { paperCount node { id } } }
      tasks(filter: { yearFrom: 1951, yearTo: 1955 }, orderBy: { field: NAME, direction: ASC }) { edges { paperCount node { id } } }
      concepts(filter: { yearFrom: 1951, yearTo: 1955 }) { edges { paperCount node { id } } }
    }`,
  },
  {
    name: 'search is tolerant to case and small typos, ranked, typed',
    query: `query($q: String!, $types: [EntityType!]) {
      search(query: $q, types: $types, first: 3) { node { __typename id } }
    }`,
    variables: { q: 'LATICENET', types: ['METHOD', 'REPO'] },
  },
  {
    name: 'search over titles and with Lucene special characters in the input',
    query: `{
      titles: search(query: "revisiting lattice networks", types: [PAPER], first: 1) { node { id ... on Paper { title } } }
      withAbstract: search(query: "revisiting lattice networks", types: [PAPER], first: 1) { node { ... on Paper { abstract } } }
      special: search(query: "hexnet~ ( ) \\\\ \\" ^ : *", types: [METHOD], first: 1) { node { id } }
      empty: search(query: "  ?!  ") { node { id } }
    }`,
  },
  {
    name: 'trending in a date window, all types and filtered',
    query: `query($from: String, $to: String) {
      all: trending(from: $from, to: $to, first: 4) { paperCount node { __typename id } }
      methods: trending(from: "1952-01-01", to: "1953-12-31", types: [METHOD]) { paperCount node { id } }
      yearOnly: trending(from: "1954-01-01", to: "1954-01-01", types: [METHOD]) { paperCount node { id } }
    }`,
    variables: { from: '1951-01-01', to: '1955-12-31' },
  },
  {
    name: 'out-of-range first, maxDepth and maxLength are BAD_USER_INPUT',
    query: `query($first: Int) { methods(first: $first) { totalCount } }`,
    variables: { first: 101 },
  },
  {
    name: 'out-of-range maxDepth is BAD_USER_INPUT',
    query: `{ method(id: "method:latticenet") { lineage(maxDepth: 11) { nodes { id } } } }`,
  },
  {
    name: 'out-of-range maxLength is BAD_USER_INPUT',
    query: `query($m: Int) { path(from: "method:latticenet", to: "method:hexnet", maxLength: $m) { length } }`,
    variables: { m: 0 },
  },
  {
    name: 'out-of-range nested first is BAD_USER_INPUT',
    query: `{ method(id: "method:latticenet") { papers(first: -1) { totalCount } } }`,
  },
  {
    name: 'a cursor not made by the API is BAD_USER_INPUT',
    query: `{ papers(after: "not-a-cursor") { totalCount } }`,
  },
];
