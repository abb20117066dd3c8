// Re-ingest finds the `extracted` relationships hanging off a paper by expanding from the :Paper node
// (src/ingest/ingest.queries.ts, DELETE_EXTRACTED_RELS), and no API query looks these types up by
// `paperId`, so their `paperId` range indexes were only written, never read: every created
// INTRODUCES / USES / EVALUATES_ON / ADDRESSES / MENTIONS / HAS_CODE relationship paid an index
// insert at commit. BUILDS_ON and IMPLEMENTS do not hang off the paper node and keep theirs
// (builds_on_paper_id, implements_paper_id), as does builds_on_source.
DROP INDEX introduces_paper_id IF EXISTS;
DROP INDEX uses_paper_id IF EXISTS;
DROP INDEX evaluates_on_paper_id IF EXISTS;
DROP INDEX addresses_paper_id IF EXISTS;
DROP INDEX mentions_paper_id IF EXISTS;
DROP INDEX has_code_paper_id IF EXISTS;
