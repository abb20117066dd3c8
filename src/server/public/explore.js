// Papergraph lineage explorer. Reads only the public /graphql (POST, JSON). Draws a method's lineage
// with Cytoscape.js and the dagre layered layout: ancestors above, descendants below; an arrow points
// from a method to the method it builds on (BUILDS_ON child -> parent), labelled with the relation,
// its width the confidence, its style the source (extracted solid, curated dashed, pwc dotted).
// Click a node: add its neighbours (expand) and show its details; double-click or "Re-center": open
// its lineage. Click an edge: its evidence sentences. URL state: ?method=&direction=&depth=.
// The names are also listed as text in the side panel (the canvas is hidden from screen readers).
/* global cytoscape, cytoscapeDagre, document, window, history, location, fetch, URLSearchParams */
(function () {
  'use strict';
  var ENDPOINT = '/graphql';
  var FIRST = 40; // edges per lineage request; "Show more" raises it
  var MAX_FIRST = 100; // the API's page-size cap (PAPERGRAPH_MAX_FIRST default)
  var RESULTS_FIRST = 100; // a method's results read for its best-results panel
  var BEST_SHOWN = 8; // (dataset, metric) pairs listed
  var $ = function (id) {
    return document.getElementById(id);
  };

  if (typeof cytoscapeDagre !== 'undefined') {
    try {
      cytoscape.use(cytoscapeDagre);
    } catch {
      // already registered by the UMD bundle
    }
  }

  // ---- GraphQL ---------------------------------------------------------------------------------
  var METHOD_FIELDS = 'id name aliases';
  var EVIDENCE_FIELDS =
    'sentence text field source confidence rule url paper { id title url arxivId published repos(first: 3) { nodes { url } } }';
  var LINEAGE_FIELDS =
    'nodes { ' +
    METHOD_FIELDS +
    ' } edges { from { id name } to { id name } relation relations confidence depth sources evidence { ' +
    EVIDENCE_FIELDS +
    ' } } truncated';
  var LINEAGE_QUERY =
    'query ExploreLineage($id: ID, $name: String, $direction: LineageDirection!, $depth: Int, $first: Int) {' +
    ' method(id: $id, name: $name) { ' +
    METHOD_FIELDS +
    ' lineage(direction: $direction, maxDepth: $depth, first: $first) { ' +
    LINEAGE_FIELDS +
    ' } } }';
  var DETAILS_QUERY =
    'query ExploreMethod($id: ID!) { method(id: $id) { id name aliases fullName description' +
    ' introducedBy { id title url arxivId published }' +
    ' repos(first: 5) { nodes { url stars } }' +
    ' datasets(first: 10) { totalCount edges { paperCount node { id name } } }' +
    ' tasks(first: 10) { totalCount edges { paperCount node { id name } } }' +
    ' results(first: ' +
    RESULTS_FIRST +
    ') { totalCount nodes { id value unit rawValue source date' +
    ' metric { id name higherIsBetter } dataset { id name } task { id name }' +
    ' paper { id title url arxivId } evidence { sentence text } } } } }';
  var SEARCH_QUERY =
    'query ExploreSearch($q: String!) { search(query: $q, types: [METHOD], first: 8) { score node { ... on Method { ' +
    METHOD_FIELDS +
    ' } } } }';

  function gql(query, variables) {
    return fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: query, variables: variables }),
    })
      .then(function (res) {
        return res.json();
      })
      .then(function (body) {
        if (body.errors && body.errors.length) {
          var e = body.errors[0];
          throw new Error(
            e.message + (e.extensions && e.extensions.code ? ' (' + e.extensions.code + ')' : ''),
          );
        }
        return body.data;
      });
  }

  // ---- state and URL ---------------------------------------------------------------------------
  var state = { method: null, direction: 'BOTH', depth: 2, first: FIRST, rootId: null };

  function readUrl() {
    var params = new URLSearchParams(location.search);
    var direction = params.get('direction');
    var depth = Number(params.get('depth'));
    state.method = params.get('method');
    state.direction = ['ANCESTORS', 'DESCENDANTS', 'BOTH'].indexOf(direction) >= 0 ? direction : 'BOTH';
    state.depth = depth >= 1 && depth <= 5 ? depth : 2;
    state.first = FIRST;
    $('direction').value = state.direction;
    $('depth').value = String(state.depth);
  }

  function urlFor(method, direction, depth) {
    var params = new URLSearchParams();
    params.set('method', method);
    if (direction !== 'BOTH') params.set('direction', direction);
    if (depth !== 2) params.set('depth', String(depth));
    return '/explore?' + params.toString();
  }

  /** Opens a method (id or name): a new history entry, so back/forward walk the views. */
  function navigate(method) {
    history.pushState(null, '', urlFor(method, state.direction, state.depth));
    readUrl();
    load();
  }

  function setStatus(text, isError) {
    var status = $('status');
    status.textContent = text;
    status.className = isError ? 'error' : '';
    document.body.setAttribute('data-state', isError ? 'error' : text === '' ? 'ready' : 'loading');
  }

  // ---- the graph -------------------------------------------------------------------------------
  var cy = cytoscape({
    container: $('cy'),
    minZoom: 0.2,
    maxZoom: 1.3,
    style: [
      {
        selector: 'node',
        style: {
          shape: 'round-rectangle',
          'background-color': '#eef3fb',
          'border-width': 1,
          'border-color': '#7f93b3',
          label: 'data(name)',
          'text-valign': 'center',
          'text-halign': 'center',
          'font-size': 13,
          color: '#1d2430',
          width: function (node) {
            return Math.max(56, String(node.data('name')).length * 7.6 + 20);
          },
          height: 30,
        },
      },
      {
        selector: 'node.root',
        style: {
          'background-color': '#ffe9a8',
          'border-width': 2,
          'border-color': '#b07d00',
          'font-weight': 'bold',
        },
      },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1451b8' } },
      {
        selector: 'edge',
        style: {
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.9,
          width: function (edge) {
            var c = edge.data('confidence');
            return 1 + 5 * (typeof c === 'number' ? c : 0.5);
          },
          'line-color': '#6a7d99',
          'target-arrow-color': '#6a7d99',
          label: 'data(label)',
          'font-size': 11,
          color: '#3c4656',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': 2,
          'text-rotation': 'autorotate',
        },
      },
      {
        selector: 'edge.curated',
        style: {
          'line-style': 'dashed',
          'line-color': '#1b8a4a',
          'target-arrow-color': '#1b8a4a',
          color: '#14673a',
        },
      },
      {
        selector: 'edge.pwc',
        style: { 'line-style': 'dotted', 'line-color': '#a0641c', 'target-arrow-color': '#a0641c' },
      },
      { selector: 'edge:selected', style: { 'line-color': '#1451b8', 'target-arrow-color': '#1451b8' } },
    ],
  });

  function edgeKey(edge) {
    return edge.from.id + ' -> ' + edge.to.id;
  }

  function sourceClass(sources) {
    if (sources.indexOf('curated') >= 0) return 'curated';
    if (sources.indexOf('extracted') >= 0) return 'extracted';
    if (sources.indexOf('pwc') >= 0) return 'pwc';
    return 'extracted';
  }

  /** Adds the lineage's nodes and edges that are not drawn yet; the number of elements added. */
  function addLineage(lineage) {
    var added = 0;
    lineage.nodes.forEach(function (m) {
      if (cy.getElementById(m.id).empty()) {
        cy.add({ group: 'nodes', data: { id: m.id, name: m.name, aliases: m.aliases || [] } });
        added++;
      }
    });
    lineage.edges.forEach(function (e) {
      var id = edgeKey(e);
      if (!cy.getElementById(id).empty()) return;
      [e.from, e.to].forEach(function (m) {
        if (cy.getElementById(m.id).empty()) {
          cy.add({ group: 'nodes', data: { id: m.id, name: m.name, aliases: [] } });
          added++;
        }
      });
      var sources = e.sources || [];
      cy.add({
        group: 'edges',
        classes: sourceClass(sources),
        data: {
          id: id,
          source: e.from.id,
          target: e.to.id,
          label: e.relation + (sources.indexOf('curated') >= 0 ? ' (curated)' : ''),
          relation: e.relation,
          relations: e.relations,
          confidence: e.confidence,
          sources: sources,
          evidence: e.evidence,
          fromName: e.from.name,
          toName: e.to.name,
        },
      });
      added++;
    });
    return added;
  }

  function relayout() {
    cy.nodes().removeClass('root');
    if (state.rootId) cy.getElementById(state.rootId).addClass('root');
    cy.layout({
      name: 'dagre',
      rankDir: 'BT',
      nodeSep: 28,
      rankSep: 96,
      edgeSep: 12,
      padding: 24,
      fit: true,
      animate: false,
    }).run();
    renderLists();
  }

  // ---- loading ---------------------------------------------------------------------------------
  var loadSeq = 0;
  function load() {
    var seq = ++loadSeq;
    $('truncated').hidden = true;
    $('evidence').hidden = true;
    if (!state.method) {
      cy.elements().remove();
      state.rootId = null;
      renderLists();
      $('method-info').textContent = '';
      setStatus('Search a method to see its lineage.');
      return Promise.resolve();
    }
    setStatus('Loading the lineage of ' + state.method + '...');
    var byId = /^method:/.test(state.method);
    var variables = {
      id: byId ? state.method : null,
      name: byId ? null : state.method,
      direction: state.direction,
      depth: state.depth,
      first: state.first,
    };
    return gql(LINEAGE_QUERY, variables)
      .then(function (data) {
        if (seq !== loadSeq) return;
        cy.elements().remove();
        if (!data.method) {
          state.rootId = null;
          renderLists();
          $('method-info').textContent = '';
          setStatus('No method named "' + state.method + '". Try the search box.', true);
          return;
        }
        state.rootId = data.method.id;
        document.title = data.method.name + ' - Papergraph lineage explorer';
        addLineage(data.method.lineage);
        relayout();
        var edges = data.method.lineage.edges.length;
        showTruncated(data.method.lineage.truncated, edges);
        setStatus('');
        $('status').textContent =
          data.method.name +
          ': ' +
          (edges === 0
            ? 'no lineage found (no BUILDS_ON edge within ' +
              state.depth +
              ' hop' +
              (state.depth > 1 ? 's' : '') +
              ').'
            : edges +
              ' edge' +
              (edges > 1 ? 's' : '') +
              ' within ' +
              state.depth +
              ' hop' +
              (state.depth > 1 ? 's' : '') +
              '.');
        return showDetails(data.method.id);
      })
      .catch(function (error) {
        if (seq === loadSeq) setStatus('Could not load the lineage: ' + error.message, true);
      });
  }

  /** A lineage cut short says so and offers more: a larger page, or (at the API's cap) expanding nodes. */
  function showTruncated(truncated, shown) {
    $('truncated').hidden = !truncated;
    if (!truncated) return;
    var atCap = state.first >= MAX_FIRST;
    $('show-more').hidden = atCap;
    $('truncated-text').textContent = atCap
      ? 'Showing the first ' +
        shown +
        ' edges, the most one request returns: click a node to add its neighbours, or lower the depth.'
      : 'Showing the first ' + shown + ' edges of a longer lineage.';
  }

  /** Adds a method's direct parents and children to the drawing. */
  function expand(id) {
    setStatus('Expanding...');
    return gql(LINEAGE_QUERY, { id: id, name: null, direction: 'BOTH', depth: 1, first: MAX_FIRST })
      .then(function (data) {
        if (!data.method) return;
        var added = addLineage(data.method.lineage);
        if (added > 0) relayout();
        setStatus('');
        $('status').textContent =
          added > 0
            ? 'Added the neighbours of ' + data.method.name + '.'
            : data.method.name + ' has no further neighbours.';
      })
      .catch(function (error) {
        setStatus('Could not expand: ' + error.message, true);
      });
  }

  // ---- side panel ------------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'onclick') node.addEventListener('click', attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function linkButton(text, onclick) {
    return el('button', { type: 'button', class: 'link', text: text, onclick: onclick });
  }

  function paperLinks(paper) {
    var links = [];
    if (paper.url) links.push(el('a', { href: paper.url, rel: 'noopener', text: 'paper' }));
    if (paper.arxivId && !(paper.url || '').includes(paper.arxivId))
      links.push(el('a', { href: 'https://arxiv.org/abs/' + paper.arxivId, rel: 'noopener', text: 'arXiv' }));
    ((paper.repos && paper.repos.nodes) || []).forEach(function (r) {
      links.push(el('a', { href: r.url, rel: 'noopener', text: 'code' }));
    });
    var out = [];
    links.forEach(function (l, i) {
      out.push(i === 0 ? ' ' : ' · ');
      out.push(l);
    });
    return out;
  }

  var detailsSeq = 0;
  function showDetails(id) {
    var seq = ++detailsSeq;
    return gql(DETAILS_QUERY, { id: id })
      .then(function (data) {
        if (seq !== detailsSeq || !data.method) return;
        renderDetails(data.method);
      })
      .catch(function (error) {
        if (seq === detailsSeq) $('method-info').textContent = 'Could not load the details: ' + error.message;
      });
  }

  function countList(title, connection, empty) {
    var items = connection.edges.map(function (e) {
      return el('li', {}, [
        e.node.name,
        el('span', { class: 'muted', text: ' ' + e.paperCount + ' paper' + (e.paperCount === 1 ? '' : 's') }),
      ]);
    });
    return [
      el('h2', {
        text:
          title +
          (connection.totalCount > connection.edges.length
            ? ' (top ' + connection.edges.length + ' of ' + connection.totalCount + ')'
            : ''),
      }),
      items.length ? el('ul', {}, items) : el('p', { class: 'muted', text: empty }),
    ];
  }

  function renderDetails(m) {
    var box = $('method-info');
    box.textContent = '';
    var isRoot = m.id === state.rootId;
    box.appendChild(el('h2', { text: isRoot ? 'Method' : 'Selected method' }));
    box.appendChild(el('div', { class: 'method-name', text: m.name }));
    if (m.fullName && m.fullName !== m.name) box.appendChild(el('div', { class: 'muted', text: m.fullName }));
    if (m.aliases.length)
      box.appendChild(el('div', { class: 'muted', text: 'Also: ' + m.aliases.join(', ') }));
    if (m.description) box.appendChild(el('p', { text: m.description }));
    var actions = el('p', {}, []);
    if (!isRoot) {
      actions.appendChild(
        linkButton('Re-center on ' + m.name, function () {
          navigate(m.id);
        }),
      );
      actions.appendChild(document.createTextNode(' · '));
    }
    actions.appendChild(
      linkButton('Expand neighbours', function () {
        expand(m.id);
      }),
    );
    box.appendChild(actions);
    if (m.introducedBy) {
      box.appendChild(el('h2', { text: 'Introduced by' }));
      box.appendChild(
        el(
          'p',
          {},
          [
            m.introducedBy.title +
              (m.introducedBy.published ? ' (' + m.introducedBy.published.slice(0, 4) + ')' : ''),
          ].concat(paperLinks(m.introducedBy)),
        ),
      );
    }
    if (m.repos.nodes.length) {
      box.appendChild(el('h2', { text: 'Code' }));
      box.appendChild(
        el(
          'ul',
          {},
          m.repos.nodes.map(function (r) {
            return el('li', {}, [
              el('a', { href: r.url, rel: 'noopener', text: r.url.replace(/^https:\/\//, '') }),
            ]);
          }),
        ),
      );
    }
    countList('Datasets', m.datasets, 'No dataset linked yet.').forEach(function (n) {
      box.appendChild(n);
    });
    countList('Tasks', m.tasks, 'No task linked yet.').forEach(function (n) {
      box.appendChild(n);
    });
    bestResults(m.results).forEach(function (n) {
      box.appendChild(n);
    });
  }

  /**
   * The method's best result per (dataset, metric, unit): the highest value, or the lowest when the metric's
   * `higherIsBetter` is false; when the direction is unknown, the most recent, and the panel says so.
   */
  function bestOf(results) {
    var groups = {};
    var order = [];
    results.forEach(function (r) {
      // values in different units are not comparable (83.8 % vs 340 M): one group per unit
      var key = r.dataset.id + ' ' + r.metric.id + ' ' + (r.unit || '');
      if (!groups[key]) {
        groups[key] = { dataset: r.dataset, metric: r.metric, results: [] };
        order.push(key);
      }
      groups[key].results.push(r);
    });
    return order
      .map(function (key) {
        var g = groups[key];
        var dir = g.metric.higherIsBetter;
        g.best = g.results.reduce(function (best, r) {
          if (dir === true) return r.value > best.value ? r : best;
          if (dir === false) return r.value < best.value ? r : best;
          return best; // newest first from the API: keep the first
        });
        return g;
      })
      .sort(function (a, b) {
        return (
          b.results.length - a.results.length ||
          a.dataset.name.localeCompare(b.dataset.name) ||
          a.metric.name.localeCompare(b.metric.name)
        );
      });
  }

  function formatValue(r) {
    if (r.rawValue) return r.rawValue;
    return String(r.value) + (r.unit ? (r.unit === '%' ? '%' : ' ' + r.unit) : '');
  }

  function bestResults(connection) {
    var title = el('h2', { text: 'Best results' });
    if (!connection || connection.nodes.length === 0)
      return [title, el('p', { class: 'muted', text: 'No result reported for this method yet.' })];
    var groups = bestOf(connection.nodes);
    var items = groups.slice(0, BEST_SHOWN).map(function (g) {
      var r = g.best;
      var attrs = { class: 'result', 'data-dataset': g.dataset.id, 'data-metric': g.metric.id };
      attrs['data-unit'] = r.unit || '';
      var li = el('li', attrs, [
        el('strong', { class: 'result-value', text: formatValue(r) }),
        ' ' + g.metric.name + ' on ' + g.dataset.name,
        r.task ? el('span', { class: 'muted', text: ' (' + r.task.name + ')' }) : null,
        el('span', { class: 'badge ' + r.source, text: r.source }),
      ]);
      var note =
        g.results.length > 1
          ? (g.metric.higherIsBetter === null || g.metric.higherIsBetter === undefined
              ? 'latest of ' + g.results.length + ' (direction of the metric unknown)'
              : 'best of ' + g.results.length) + '; '
          : '';
      var meta = el(
        'div',
        { class: 'muted result-paper' },
        [note + r.paper.title].concat(paperLinks(r.paper)),
      );
      li.appendChild(meta);
      var ev = (r.evidence || [])[0];
      if (ev && ev.sentence) li.appendChild(highlighted(ev.sentence, ev.text, 'result-sentence'));
      return li;
    });
    var out = [title, el('ul', { class: 'results' }, items)];
    var more = [];
    if (groups.length > BEST_SHOWN) more.push(groups.length - BEST_SHOWN + ' more dataset/metric pairs');
    if (connection.totalCount > connection.nodes.length)
      more.push(
        'best of the newest ' + connection.nodes.length + ' of ' + connection.totalCount + ' results',
      );
    if (more.length) out.push(el('p', { class: 'muted', text: more.join('; ') + '.' }));
    return out;
  }

  /** A sentence with its mention marked (the first occurrence), as a blockquote. */
  function highlighted(sentence, text, className) {
    var quote = el('blockquote', { class: className });
    var at = text ? sentence.indexOf(text) : -1;
    if (at >= 0) {
      quote.appendChild(document.createTextNode(sentence.slice(0, at)));
      quote.appendChild(el('mark', { text: text }));
      quote.appendChild(document.createTextNode(sentence.slice(at + text.length)));
    } else {
      quote.textContent = sentence;
    }
    return quote;
  }

  /** Evidence of one edge: every sentence, the mention highlighted, links to the paper and its code. */
  function showEvidence(data) {
    var box = $('evidence');
    box.textContent = '';
    box.hidden = false;
    var sources = data.sources || [];
    box.appendChild(el('h2', { text: 'Evidence' }));
    var head = el('p', {}, [
      el('strong', { text: data.fromName }),
      ' ' + data.relation + ' ',
      el('strong', { text: data.toName }),
    ]);
    sources.forEach(function (s) {
      head.appendChild(el('span', { class: 'badge ' + s, text: s }));
    });
    if (typeof data.confidence === 'number')
      head.appendChild(el('span', { class: 'badge', text: 'confidence ' + data.confidence.toFixed(2) }));
    box.appendChild(head);
    if (data.relations && data.relations.length > 1)
      box.appendChild(el('p', { class: 'muted', text: 'Relations recorded: ' + data.relations.join(', ') }));
    var evidence = data.evidence || [];
    if (evidence.length === 0)
      box.appendChild(el('p', { class: 'muted', text: 'No sentence recorded for this edge.' }));
    evidence.forEach(function (ev) {
      if (ev.field === 'curation') {
        box.appendChild(curatedEvidence(ev));
        return;
      }
      box.appendChild(highlighted(ev.sentence || '', ev.text, 'evidence-sentence'));
      if (ev.paper) {
        var meta = el(
          'p',
          { class: 'muted' },
          [ev.paper.title + (ev.paper.published ? ' (' + ev.paper.published.slice(0, 4) + ')' : '')].concat(
            paperLinks(ev.paper),
          ),
        );
        if (ev.source) meta.appendChild(el('span', { class: 'badge ' + ev.source, text: ev.source }));
        box.appendChild(meta);
      }
    });
    if (box.scrollIntoView) box.scrollIntoView({ block: 'nearest' });
  }

  /** A curator's assertion: their note (the sentence of `field: curation` evidence) and the source they cite. */
  function curatedEvidence(ev) {
    var item = el('div', { class: 'curated-evidence' }, [
      el('p', {
        class: 'muted',
        text: 'Curated: asserted by a curator (not read from an abstract), with their note:',
      }),
      el('blockquote', { class: 'evidence-sentence curated-note', text: ev.sentence || '' }),
    ]);
    var meta = el('p', { class: 'muted' }, []);
    if (ev.url) {
      meta.appendChild(document.createTextNode('Source: '));
      meta.appendChild(
        el('a', { href: ev.url, rel: 'noopener', class: 'evidence-url', text: shortUrl(ev.url) }),
      );
    } else meta.appendChild(document.createTextNode('No source URL given.'));
    meta.appendChild(el('span', { class: 'badge curated', text: 'curated' }));
    item.appendChild(meta);
    return item;
  }

  function shortUrl(url) {
    return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  }

  /** The accessible text of the drawing: every node and edge, as buttons. */
  function renderLists() {
    var nodes = cy.nodes().sort(function (a, b) {
      return a.data('name').localeCompare(b.data('name'));
    });
    var nodeList = $('node-list');
    nodeList.textContent = '';
    nodes.forEach(function (n) {
      var li = el('li', { 'data-id': n.id() }, [
        linkButton(n.data('name'), function () {
          selectNode(n.id());
        }),
      ]);
      if (n.id() === state.rootId) li.appendChild(el('span', { class: 'badge', text: 'root' }));
      nodeList.appendChild(li);
    });
    var edgeList = $('edge-list');
    edgeList.textContent = '';
    cy.edges().forEach(function (e) {
      var d = e.data();
      var text = d.fromName + ' ' + d.relation + ' ' + d.toName;
      var li = el('li', { 'data-id': d.id }, [
        linkButton(text, function () {
          selectEdge(d.id);
        }),
      ]);
      (d.sources || []).forEach(function (s) {
        li.appendChild(el('span', { class: 'badge ' + s, text: s }));
      });
      edgeList.appendChild(li);
    });
    document.body.setAttribute('data-nodes', String(cy.nodes().length));
    document.body.setAttribute('data-edges', String(cy.edges().length));
  }

  function selectNode(id) {
    cy.elements().unselect();
    cy.getElementById(id).select();
    $('evidence').hidden = true;
    return Promise.all([showDetails(id), expand(id)]);
  }

  function selectEdge(id) {
    var edge = cy.getElementById(id);
    cy.elements().unselect();
    edge.select();
    showEvidence(edge.data());
  }

  cy.on('tap', 'node', function (evt) {
    selectNode(evt.target.id());
  });
  cy.on('dbltap', 'node', function (evt) {
    navigate(evt.target.id());
  });
  cy.on('tap', 'edge', function (evt) {
    selectEdge(evt.target.id());
  });

  // ---- controls --------------------------------------------------------------------------------
  function controlsChanged() {
    state.direction = $('direction').value;
    state.depth = Number($('depth').value);
    if (state.method) navigate(state.rootId || state.method);
  }
  $('direction').addEventListener('change', controlsChanged);
  $('depth').addEventListener('change', controlsChanged);
  $('show-more').addEventListener('click', function () {
    state.first = Math.min(MAX_FIRST, state.first * 2);
    load();
  });
  window.addEventListener('popstate', function () {
    readUrl();
    load();
  });

  // ---- search (combobox) -----------------------------------------------------------------------
  var input = $('search-input');
  var results = $('search-results');
  var hits = [];
  var active = -1;
  var searchSeq = 0;
  var searchTimer = null;

  function closeResults() {
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function renderResults() {
    results.textContent = '';
    if (hits.length === 0) {
      results.appendChild(
        el('li', { class: 'muted', role: 'option', 'aria-disabled': 'true', text: 'No method matches.' }),
      );
    }
    hits.forEach(function (m, i) {
      var li = el(
        'li',
        { id: 'search-hit-' + i, role: 'option', 'aria-selected': i === active ? 'true' : 'false' },
        [
          m.name,
          m.aliases.length ? el('span', { class: 'aliases', text: m.aliases.slice(0, 3).join(', ') }) : null,
        ],
      );
      li.addEventListener('mousedown', function (event) {
        event.preventDefault();
        choose(i);
      });
      results.appendChild(li);
    });
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', 'search-hit-' + active);
  }

  function choose(i) {
    var m = hits[i];
    if (!m) return;
    closeResults();
    input.value = m.name;
    navigate(m.id);
  }

  function search() {
    var q = input.value.trim();
    var seq = ++searchSeq;
    if (q === '') {
      hits = [];
      closeResults();
      return;
    }
    gql(SEARCH_QUERY, { q: q })
      .then(function (data) {
        if (seq !== searchSeq) return;
        hits = data.search
          .map(function (h) {
            return h.node;
          })
          .filter(function (n) {
            return n && n.id;
          });
        active = hits.length ? 0 : -1;
        renderResults();
      })
      .catch(function (error) {
        if (seq === searchSeq) setStatus('Search failed: ' + error.message, true);
      });
  }

  input.addEventListener('input', function () {
    if (searchTimer) window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(search, 120);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      active = (active + 1) % hits.length;
      renderResults();
    } else if (event.key === 'ArrowUp' && hits.length) {
      event.preventDefault();
      active = (active - 1 + hits.length) % hits.length;
      renderResults();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!results.hidden && active >= 0) choose(active);
      else if (input.value.trim()) navigate(input.value.trim());
    } else if (event.key === 'Escape') {
      closeResults();
    }
  });
  input.addEventListener('blur', closeResults);
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  });

  // For tests and the curious: the Cytoscape instance.
  window.papergraphExplorer = { cy: cy, expand: expand };

  readUrl();
  load();
})();
