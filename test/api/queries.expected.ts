// Whole expected responses of queries.int.test.ts, one per case name (reviewed by hand against the
// fixture graph test/fixtures/api/graph.json; regenerate only after checking each difference).

export const EXPECTED: Record<string, unknown> = {
  'method by alias, with introducedBy, parents, children, papers(role), repos, datasets, tasks, related': {
    data: {
      method: {
        id: 'method:latticenet',
        name: 'LatticeNet',
        aliases: ['Lattice-Net'],
        fullName: null,
        introducedBy: {
          id: 'paper:fx-0002',
          title: 'LatticeNet: Grids of Attention',
          published: '1952-05-01',
        },
        parents: {
          totalCount: 1,
          edges: [
            {
              relation: 'extends',
              confidence: 0.8,
              source: 'extracted',
              sources: ['extracted'],
              node: {
                id: 'method:alphaformer',
                name: 'AlphaFormer',
              },
              evidence: [
                {
                  sentence: 'We introduce LatticeNet, which extends AlphaFormer with grid attention.',
                  text: 'extends',
                  field: 'abstract',
                  start: 31,
                  end: 38,
                  confidence: 0.8,
                  extractorVersion: 'fixture-1',
                  source: 'extracted',
                  rule: 'fixture-builds_on',
                  paper: {
                    id: 'paper:fx-0002',
                  },
                },
              ],
            },
          ],
        },
        children: {
          totalCount: 2,
          edges: [
            {
              relation: 'combines',
              node: {
                id: 'method:hexnet',
                name: 'HexNet',
              },
            },
            {
              relation: 'extends',
              node: {
                id: 'method:latticenet2',
                name: 'LatticeNet-2',
              },
            },
          ],
        },
        papers: {
          totalCount: 3,
          edges: [
            {
              role: 'USED',
              confidence: 0.7,
              sources: ['extracted'],
              node: {
                id: 'paper:fx-0006',
                title: 'HexNet',
              },
            },
            {
              role: 'USED',
              confidence: 0.8,
              sources: ['extracted'],
              node: {
                id: 'paper:fx-0004',
                title: 'LatticeNet-2: Deeper Grids',
              },
            },
            {
              role: 'USED',
              confidence: 0.5,
              sources: ['pwc'],
              node: {
                id: 'paper:fx-0003',
                title: 'Revisiting Lattice Networks',
              },
            },
          ],
        },
        repos: {
          totalCount: 1,
          edges: [
            {
              node: {
                id: 'repo:github.com/fx-lab/latticenet',
                url: 'https://github.com/FX-Lab/LatticeNet',
                host: 'github.com',
                owner: 'FX-Lab',
                name: 'LatticeNet',
                stars: 42,
              },
            },
          ],
        },
        datasets: {
          totalCount: 2,
          edges: [
            {
              paperCount: 3,
              role: 'USED',
              node: {
                id: 'dataset:imagegrid1k',
                name: 'ImageGrid-1k',
              },
            },
            {
              paperCount: 1,
              role: 'USED',
              node: {
                id: 'dataset:textbench',
                name: 'TextBench',
              },
            },
          ],
        },
        tasks: {
          totalCount: 0,
          edges: [],
        },
        related: [
          {
            paperCount: 3,
            node: {
              __typename: 'Dataset',
              id: 'dataset:imagegrid1k',
              name: 'ImageGrid-1k',
            },
          },
          {
            paperCount: 2,
            node: {
              __typename: 'Method',
              id: 'method:alphaformer',
              name: 'AlphaFormer',
            },
          },
          {
            paperCount: 1,
            node: {
              __typename: 'Concept',
              id: 'concept:gridattention',
              name: 'grid attention',
            },
          },
          {
            paperCount: 1,
            node: {
              __typename: 'Method',
              id: 'method:hexnet',
              name: 'HexNet',
            },
          },
        ],
      },
    },
  },
  'method by id; unknown id and unknown name give null': {
    data: {
      known: {
        id: 'method:hexnet',
        name: 'HexNet',
      },
      unknownId: null,
      unknownName: null,
      wrongType: null,
    },
  },
  'a name shared by two methods is BAD_USER_INPUT listing the candidates': {
    data: {
      method: null,
    },
    errors: [
      {
        message:
          'The name "QZN" matches several methods: method:graphqzn, method:qzn. Look it up by `id` instead.',
        locations: [
          {
            line: 1,
            column: 25,
          },
        ],
        path: ['method'],
        extensions: {
          code: 'BAD_USER_INPUT',
          candidates: ['method:graphqzn', 'method:qzn'],
        },
      },
    ],
  },
  'dataset by name with papers(role), methods, tasks, introducedBy': {
    data: {
      dataset: {
        id: 'dataset:imagegrid1k',
        name: 'ImageGrid-1k',
        aliases: ['IG-1k'],
        introducedBy: null,
        papers: {
          totalCount: 3,
          pageInfo: {
            hasNextPage: true,
            hasPreviousPage: false,
            startCursor: 'b2Zmc2V0OjA=',
            endCursor: 'b2Zmc2V0OjE=',
          },
          edges: [
            {
              cursor: 'b2Zmc2V0OjA=',
              role: 'USED',
              node: {
                id: 'paper:fx-0004',
              },
              evidence: [
                {
                  text: 'ImageGrid-1k',
                },
              ],
            },
            {
              cursor: 'b2Zmc2V0OjE=',
              role: 'USED',
              node: {
                id: 'paper:fx-0002',
              },
              evidence: [
                {
                  text: 'ImageGrid-1k',
                },
              ],
            },
          ],
        },
        methods: {
          totalCount: 3,
          edges: [
            {
              paperCount: 3,
              node: {
                id: 'method:latticenet',
              },
            },
            {
              paperCount: 1,
              node: {
                id: 'method:alphaformer',
              },
            },
            {
              paperCount: 1,
              node: {
                id: 'method:latticenet2',
              },
            },
          ],
        },
        tasks: {
          edges: [],
        },
      },
      hexset: {
        introducedBy: {
          id: 'paper:fx-0006',
        },
        papers: {
          edges: [
            {
              role: 'INTRODUCED',
              node: {
                id: 'paper:fx-0006',
              },
            },
          ],
        },
      },
    },
  },
  'task and concept lookups with their papers, methods and datasets': {
    data: {
      task: {
        id: 'task:gridtagging',
        name: 'Grid Tagging',
        papers: {
          edges: [
            {
              node: {
                id: 'paper:fx-0001',
              },
            },
          ],
        },
        methods: {
          edges: [
            {
              paperCount: 1,
              node: {
                id: 'method:alphaformer',
              },
            },
          ],
        },
        datasets: {
          edges: [
            {
              paperCount: 1,
              node: {
                id: 'dataset:textbench',
              },
            },
          ],
        },
        related: [
          {
            paperCount: 1,
            node: {
              id: 'method:alphaformer',
            },
          },
          {
            paperCount: 1,
            node: {
              id: 'dataset:textbench',
            },
          },
        ],
      },
      concept: {
        id: 'concept:gridattention',
        name: 'grid attention',
        papers: {
          totalCount: 1,
          edges: [
            {
              node: {
                id: 'paper:fx-0002',
              },
              evidence: [
                {
                  sentence: 'We introduce LatticeNet, which extends AlphaFormer with grid attention.',
                  text: 'grid attention',
                },
              ],
            },
          ],
        },
      },
    },
  },
  'paper by bare and global id with all nested connections': {
    data: {
      paper: {
        id: 'paper:fx-0002',
        paperId: 'fx-0002',
        title: 'LatticeNet: Grids of Attention',
        published: '1952-05-01',
        year: 1952,
        authors: ['Cy Dove'],
        url: 'https://example.org/fx-0002',
        methods: {
          edges: [
            {
              role: 'USED',
              confidence: 0.75,
              node: {
                id: 'method:alphaformer',
              },
            },
            {
              role: 'INTRODUCED',
              confidence: 0.93,
              node: {
                id: 'method:latticenet',
              },
            },
          ],
        },
        introduced: {
          edges: [
            {
              node: {
                id: 'method:latticenet',
              },
            },
          ],
        },
        datasets: {
          edges: [
            {
              role: 'USED',
              node: {
                id: 'dataset:imagegrid1k',
              },
            },
          ],
        },
        tasks: {
          totalCount: 0,
        },
        concepts: {
          edges: [
            {
              node: {
                id: 'concept:gridattention',
              },
            },
          ],
        },
        repos: {
          edges: [
            {
              node: {
                id: 'repo:github.com/fx-lab/latticenet',
                url: 'https://github.com/FX-Lab/LatticeNet',
              },
            },
          ],
        },
      },
      global: {
        id: 'paper:fx-0001',
        tasks: {
          edges: [
            {
              node: {
                id: 'task:gridtagging',
                name: 'Grid Tagging',
              },
            },
          ],
        },
      },
      missing: null,
    },
  },
  'repo by URL in any spelling, with its papers and methods': {
    data: {
      a: {
        id: 'repo:github.com/fx-lab/latticenet',
        url: 'https://github.com/FX-Lab/LatticeNet',
        papers: {
          edges: [
            {
              node: {
                id: 'paper:fx-0002',
              },
            },
          ],
        },
        methods: {
          edges: [
            {
              node: {
                id: 'method:latticenet',
              },
            },
          ],
        },
      },
      b: {
        id: 'repo:github.com/fx-lab/latticenet',
      },
      c: null,
    },
  },
  'node(id) for every type': {
    data: {
      a: {
        __typename: 'Paper',
        id: 'paper:fx-0001',
      },
      b: {
        __typename: 'Method',
        id: 'method:latticenet',
        name: 'LatticeNet',
      },
      c: {
        __typename: 'Dataset',
        id: 'dataset:hexset',
      },
      d: {
        __typename: 'Task',
        id: 'task:gridtagging',
      },
      e: {
        __typename: 'Concept',
        id: 'concept:gridattention',
      },
      f: {
        __typename: 'Repo',
        id: 'repo:github.com/fx-lab/latticenet',
        url: 'https://github.com/FX-Lab/LatticeNet',
      },
      g: null,
      j: null,
    },
  },
  'lineage ANCESTORS (default depth 3): pairs once with all evidence, edges from child to parent': {
    data: {
      method: {
        lineage: {
          nodes: [
            {
              id: 'method:tinylattice',
              name: 'TinyLattice',
            },
            {
              id: 'method:latticenet2',
              name: 'LatticeNet-2',
            },
            {
              id: 'method:latticenet',
              name: 'LatticeNet',
            },
            {
              id: 'method:alphaformer',
              name: 'AlphaFormer',
            },
          ],
          edges: [
            {
              from: {
                name: 'TinyLattice',
              },
              to: {
                name: 'LatticeNet-2',
              },
              relation: 'replaces_component',
              relations: ['replaces_component'],
              depth: 1,
              confidence: 0.75,
              sources: ['extracted'],
              evidence: [
                {
                  sentence: 'TinyLattice replaces the attention block of LatticeNet-2 with pooling.',
                  paper: {
                    id: 'paper:fx-0005',
                    title: 'TinyLattice: Small Grids',
                  },
                },
              ],
            },
            {
              from: {
                name: 'LatticeNet-2',
              },
              to: {
                name: 'LatticeNet',
              },
              relation: 'extends',
              relations: ['extends', 'variant_of'],
              depth: 2,
              confidence: 0.9,
              sources: ['curated', 'extracted'],
              evidence: [
                {
                  sentence: 'LatticeNet-2 is a variant of LatticeNet.',
                  paper: {
                    id: 'paper:fx-0004',
                    title: 'LatticeNet-2: Deeper Grids',
                  },
                },
              ],
            },
            {
              from: {
                name: 'LatticeNet',
              },
              to: {
                name: 'AlphaFormer',
              },
              relation: 'extends',
              relations: ['extends'],
              depth: 3,
              confidence: 0.8,
              sources: ['extracted'],
              evidence: [
                {
                  sentence: 'We introduce LatticeNet, which extends AlphaFormer with grid attention.',
                  paper: {
                    id: 'paper:fx-0002',
                    title: 'LatticeNet: Grids of Attention',
                  },
                },
              ],
            },
          ],
        },
      },
    },
  },
  'lineage ANCESTORS with maxDepth 1': {
    data: {
      method: {
        lineage: {
          nodes: [
            {
              id: 'method:tinylattice',
            },
            {
              id: 'method:latticenet2',
            },
          ],
          edges: [
            {
              from: {
                name: 'TinyLattice',
              },
              to: {
                name: 'LatticeNet-2',
              },
              depth: 1,
            },
          ],
        },
      },
    },
  },
  'lineage DESCENDANTS': {
    data: {
      method: {
        lineage: {
          nodes: [
            {
              id: 'method:alphaformer',
            },
            {
              id: 'method:hexnet',
            },
            {
              id: 'method:latticenet',
            },
            {
              id: 'method:latticenet2',
            },
            {
              id: 'method:tinylattice',
            },
          ],
          edges: [
            {
              from: {
                name: 'HexNet',
              },
              to: {
                name: 'AlphaFormer',
              },
              relation: 'combines',
              depth: 1,
            },
            {
              from: {
                name: 'LatticeNet',
              },
              to: {
                name: 'AlphaFormer',
              },
              relation: 'extends',
              depth: 1,
            },
            {
              from: {
                name: 'HexNet',
              },
              to: {
                name: 'LatticeNet',
              },
              relation: 'combines',
              depth: 2,
            },
            {
              from: {
                name: 'LatticeNet-2',
              },
              to: {
                name: 'LatticeNet',
              },
              relation: 'extends',
              depth: 2,
            },
            {
              from: {
                name: 'TinyLattice',
              },
              to: {
                name: 'LatticeNet-2',
              },
              relation: 'replaces_component',
              depth: 3,
            },
          ],
        },
      },
    },
  },
  'lineage BOTH': {
    data: {
      method: {
        lineage: {
          root: {
            id: 'method:latticenet2',
          },
          nodes: [
            {
              id: 'method:latticenet2',
              name: 'LatticeNet-2',
            },
            {
              id: 'method:latticenet',
              name: 'LatticeNet',
            },
            {
              id: 'method:tinylattice',
              name: 'TinyLattice',
            },
            {
              id: 'method:alphaformer',
              name: 'AlphaFormer',
            },
          ],
          edges: [
            {
              from: {
                name: 'LatticeNet-2',
              },
              to: {
                name: 'LatticeNet',
              },
              relation: 'extends',
              depth: 1,
              evidence: [
                {
                  sentence: 'LatticeNet-2 is a variant of LatticeNet.',
                  paper: {
                    id: 'paper:fx-0004',
                    title: 'LatticeNet-2: Deeper Grids',
                  },
                },
              ],
            },
            {
              from: {
                name: 'TinyLattice',
              },
              to: {
                name: 'LatticeNet-2',
              },
              relation: 'replaces_component',
              depth: 1,
              evidence: [
                {
                  sentence: 'TinyLattice replaces the attention block of LatticeNet-2 with pooling.',
                  paper: {
                    id: 'paper:fx-0005',
                    title: 'TinyLattice: Small Grids',
                  },
                },
              ],
            },
            {
              from: {
                name: 'LatticeNet',
              },
              to: {
                name: 'AlphaFormer',
              },
              relation: 'extends',
              depth: 2,
              evidence: [
                {
                  sentence: 'We introduce LatticeNet, which extends AlphaFormer with grid attention.',
                  paper: {
                    id: 'paper:fx-0002',
                    title: 'LatticeNet: Grids of Attention',
                  },
                },
              ],
            },
          ],
        },
      },
    },
  },
  'lineage of a method without BUILDS_ON is just the root': {
    data: {
      method: {
        lineage: {
          nodes: [
            {
              id: 'method:qzn',
            },
          ],
          edges: [],
        },
      },
    },
  },
  'shortest path between two nodes (undirected, any type)': {
    data: {
      path: {
        length: 3,
        nodes: [
          {
            __typename: 'Method',
            id: 'method:tinylattice',
          },
          {
            __typename: 'Method',
            id: 'method:latticenet2',
          },
          {
            __typename: 'Paper',
            id: 'paper:fx-0004',
          },
          {
            __typename: 'Dataset',
            id: 'dataset:textbench',
          },
        ],
        edges: [
          {
            type: 'BUILDS_ON',
            relation: 'replaces_component',
            confidence: 0.75,
            source: 'extracted',
            from: {
              id: 'method:tinylattice',
            },
            to: {
              id: 'method:latticenet2',
            },
            evidence: [
              {
                sentence: 'TinyLattice replaces the attention block of LatticeNet-2 with pooling.',
              },
            ],
          },
          {
            type: 'INTRODUCES',
            relation: null,
            confidence: 0.9,
            source: 'extracted',
            from: {
              id: 'paper:fx-0004',
            },
            to: {
              id: 'method:latticenet2',
            },
            evidence: [
              {
                sentence: 'LatticeNet-2: Deeper Grids',
              },
            ],
          },
          {
            type: 'EVALUATES_ON',
            relation: null,
            confidence: 0.7,
            source: 'extracted',
            from: {
              id: 'paper:fx-0004',
            },
            to: {
              id: 'dataset:textbench',
            },
            evidence: [
              {
                sentence: 'It is evaluated on ImageGrid-1k and TextBench.',
              },
            ],
          },
        ],
      },
    },
  },
  'path: too short a maxLength, an unknown node, and the same node': {
    data: {
      short: null,
      unknown: null,
      same: {
        length: 0,
        nodes: [
          {
            id: 'method:hexnet',
          },
        ],
        edges: [],
      },
    },
  },
  'top-level papers with filters, ordering and paging': {
    data: {
      all: {
        totalCount: 7,
        pageInfo: {
          hasNextPage: true,
          hasPreviousPage: true,
          startCursor: 'b2Zmc2V0OjE=',
          endCursor: 'b2Zmc2V0OjI=',
        },
        edges: [
          {
            cursor: 'b2Zmc2V0OjE=',
            node: {
              id: 'paper:fx-0006',
              year: 1955,
            },
          },
          {
            cursor: 'b2Zmc2V0OjI=',
            node: {
              id: 'paper:fx-0005',
              year: 1954,
            },
          },
        ],
      },
      byTitle: {
        edges: [
          {
            node: {
              title: 'AlphaFormer: Attention Blocks for Grid Tagging',
            },
          },
          {
            node: {
              title: 'HexNet',
            },
          },
          {
            node: {
              title: 'LatticeNet-2: Deeper Grids',
            },
          },
        ],
      },
      usesLattice: {
        totalCount: 3,
        edges: [
          {
            node: {
              id: 'paper:fx-0006',
            },
          },
          {
            node: {
              id: 'paper:fx-0004',
            },
          },
          {
            node: {
              id: 'paper:fx-0003',
            },
          },
        ],
      },
      introducesLattice: {
        edges: [
          {
            node: {
              id: 'paper:fx-0002',
            },
          },
          {
            node: {
              id: 'paper:fx-0003',
            },
          },
        ],
      },
      onImageGrid: {
        edges: [
          {
            node: {
              id: 'paper:fx-0002',
            },
          },
          {
            node: {
              id: 'paper:fx-0003',
            },
          },
        ],
      },
      gridTagging: {
        edges: [
          {
            node: {
              id: 'paper:fx-0001',
            },
          },
        ],
      },
      withCode: {
        edges: [
          {
            node: {
              id: 'paper:fx-0002',
            },
          },
        ],
      },
      withoutCode: {
        totalCount: 2,
      },
    },
  },
  'top-level methods, datasets, tasks, concepts with filters and ordering': {
    data: {
      methods: {
        totalCount: 7,
        edges: [
          {
            paperCount: 4,
            node: {
              id: 'method:latticenet',
            },
          },
          {
            paperCount: 3,
            node: {
              id: 'method:alphaformer',
            },
          },
          {
            paperCount: 2,
            node: {
              id: 'method:latticenet2',
            },
          },
        ],
      },
      byName: {
        edges: [
          {
            node: {
              name: 'AlphaFormer',
            },
          },
          {
            node: {
              name: 'Graph QZN',
            },
          },
          {
            node: {
              name: 'HexNet',
            },
          },
        ],
      },
      byYear: {
        edges: [
          {
            node: {
              name: 'Graph QZN',
            },
          },
          {
            node: {
              name: 'HexNet',
            },
          },
          {
            node: {
              name: 'QZN',
            },
          },
        ],
      },
      introduced1952: {
        edges: [
          {
            paperCount: 2,
            node: {
              id: 'method:latticenet',
            },
          },
        ],
      },
      onTextBench: {
        edges: [
          {
            paperCount: 1,
            node: {
              id: 'method:alphaformer',
            },
          },
          {
            paperCount: 1,
            node: {
              id: 'method:latticenet',
            },
          },
          {
            paperCount: 1,
            node: {
              id: 'method:latticenet2',
            },
          },
        ],
      },
      withCode: {
        edges: [
          {
            node: {
              id: 'method:latticenet',
            },
          },
        ],
      },
      datasets: {
        totalCount: 3,
        edges: [
          {
            paperCount: 3,
            node: {
              id: 'dataset:imagegrid1k',
            },
          },
          {
            paperCount: 1,
            node: {
              id: 'dataset:hexset',
            },
          },
          {
            paperCount: 1,
            node: {
              id: 'dataset:textbench',
            },
          },
        ],
      },
      tasks: {
        edges: [
          {
            paperCount: 1,
            node: {
              id: 'task:gridtagging',
            },
          },
          {
            paperCount: 1,
            node: {
              id: 'task:latticeclassification',
            },
          },
        ],
      },
      concepts: {
        edges: [
          {
            paperCount: 1,
            node: {
              id: 'concept:gridattention',
            },
          },
        ],
      },
    },
  },
  'search is tolerant to case and small typos, ranked, typed': {
    data: {
      search: [
        {
          node: {
            __typename: 'Method',
            id: 'method:latticenet',
          },
        },
        {
          node: {
            __typename: 'Repo',
            id: 'repo:github.com/fx-lab/latticenet',
          },
        },
        {
          node: {
            __typename: 'Method',
            id: 'method:latticenet2',
          },
        },
      ],
    },
  },
  'search over titles and with Lucene special characters in the input': {
    data: {
      titles: [
        {
          node: {
            id: 'paper:fx-0003',
            title: 'Revisiting Lattice Networks',
          },
        },
      ],
      withAbstract: [
        {
          node: {
            abstract: 'We re-implement LatticeNet and report results on ImageGrid-1k.',
          },
        },
      ],
      special: [
        {
          node: {
            id: 'method:hexnet',
          },
        },
      ],
      empty: [],
    },
  },
  'trending in a date window, all types and filtered': {
    data: {
      all: [
        {
          paperCount: 4,
          node: {
            __typename: 'Method',
            id: 'method:latticenet',
          },
        },
        {
          paperCount: 3,
          node: {
            __typename: 'Method',
            id: 'method:alphaformer',
          },
        },
        {
          paperCount: 3,
          node: {
            __typename: 'Dataset',
            id: 'dataset:imagegrid1k',
          },
        },
        {
          paperCount: 2,
          node: {
            __typename: 'Method',
            id: 'method:latticenet2',
          },
        },
      ],
      methods: [
        {
          paperCount: 3,
          node: {
            id: 'method:latticenet',
          },
        },
        {
          paperCount: 1,
          node: {
            id: 'method:alphaformer',
          },
        },
        {
          paperCount: 1,
          node: {
            id: 'method:latticenet2',
          },
        },
      ],
      yearOnly: [
        {
          paperCount: 1,
          node: {
            id: 'method:latticenet2',
          },
        },
        {
          paperCount: 1,
          node: {
            id: 'method:tinylattice',
          },
        },
      ],
    },
  },
  'out-of-range first, maxDepth and maxLength are BAD_USER_INPUT': {
    errors: [
      {
        message: '`first` must be between 0 and 100 (got 101).',
        locations: [
          {
            line: 1,
            column: 30,
          },
        ],
        extensions: {
          code: 'BAD_USER_INPUT',
          argument: 'first',
          min: 0,
          max: 100,
        },
      },
    ],
  },
  'out-of-range maxDepth is BAD_USER_INPUT': {
    errors: [
      {
        message: '`maxDepth` must be between 1 and 10 (got 11).',
        locations: [
          {
            line: 1,
            column: 45,
          },
        ],
        extensions: {
          code: 'BAD_USER_INPUT',
          argument: 'maxDepth',
          min: 1,
          max: 10,
        },
      },
    ],
  },
  'out-of-range maxLength is BAD_USER_INPUT': {
    errors: [
      {
        message: '`maxLength` must be between 1 and 10 (got 0).',
        locations: [
          {
            line: 1,
            column: 71,
          },
        ],
        extensions: {
          code: 'BAD_USER_INPUT',
          argument: 'maxLength',
          min: 1,
          max: 10,
        },
      },
    ],
  },
  'out-of-range nested first is BAD_USER_INPUT': {
    errors: [
      {
        message: '`first` must be between 0 and 100 (got -1).',
        locations: [
          {
            line: 1,
            column: 44,
          },
        ],
        extensions: {
          code: 'BAD_USER_INPUT',
          argument: 'first',
          min: 0,
          max: 100,
        },
      },
    ],
  },
  'a cursor not made by the API is BAD_USER_INPUT': {
    data: null,
    errors: [
      {
        message:
          '`after` is not a cursor returned by this API: "not-a-cursor". Pass an `endCursor` or `edges.cursor` value.',
        locations: [
          {
            line: 1,
            column: 3,
          },
        ],
        path: ['papers'],
        extensions: {
          code: 'BAD_USER_INPUT',
        },
      },
    ],
  },
};
