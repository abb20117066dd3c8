// Papers with Code dumps (methods.json, datasets.json, links) name their paper by its PwC page URL;
// ingest finds the :Paper by `pwcUrl`, which without this index scans every paper.
CREATE INDEX paper_pwc_url IF NOT EXISTS FOR (n:Paper) ON (n.pwcUrl);
