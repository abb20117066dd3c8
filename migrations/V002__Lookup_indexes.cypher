// Lookup indexes the API and ingest filter or sort on (docs/GRAPH-MODEL.md).
// Papers: filters/ordering by year and date, lookups by arXiv id / DOI, re-ingest skip by content hash.
CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year);
CREATE INDEX paper_published IF NOT EXISTS FOR (n:Paper) ON (n.published);
CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxivId);
CREATE INDEX paper_doi IF NOT EXISTS FOR (n:Paper) ON (n.doi);
CREATE INDEX paper_content_hash IF NOT EXISTS FOR (n:Paper) ON (n.contentHash);
// Entities: ordering/filtering by display name; repos by URL.
CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name);
CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name);
CREATE INDEX task_name IF NOT EXISTS FOR (n:Task) ON (n.name);
CREATE INDEX concept_name IF NOT EXISTS FOR (n:Concept) ON (n.name);
CREATE INDEX repo_url IF NOT EXISTS FOR (n:Repo) ON (n.url);
// Relationships: re-ingest deletes `source = 'extracted'` relationships by `paperId`, and
// BUILDS_ON / IMPLEMENTS are not attached to the paper node, so each type gets a paperId index.
CREATE INDEX introduces_paper_id IF NOT EXISTS FOR ()-[r:INTRODUCES]-() ON (r.paperId);
CREATE INDEX uses_paper_id IF NOT EXISTS FOR ()-[r:USES]-() ON (r.paperId);
CREATE INDEX evaluates_on_paper_id IF NOT EXISTS FOR ()-[r:EVALUATES_ON]-() ON (r.paperId);
CREATE INDEX addresses_paper_id IF NOT EXISTS FOR ()-[r:ADDRESSES]-() ON (r.paperId);
CREATE INDEX mentions_paper_id IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.paperId);
CREATE INDEX has_code_paper_id IF NOT EXISTS FOR ()-[r:HAS_CODE]-() ON (r.paperId);
CREATE INDEX implements_paper_id IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.paperId);
CREATE INDEX builds_on_paper_id IF NOT EXISTS FOR ()-[r:BUILDS_ON]-() ON (r.paperId);
// Lineage filters by provenance source (extracted / pwc / curated).
CREATE INDEX builds_on_source IF NOT EXISTS FOR ()-[r:BUILDS_ON]-() ON (r.source);
