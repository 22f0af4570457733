-- Which bundled version of an entry a row holds, so that an upgrade can bring entries nobody
-- edited up to the new bundle's text while leaving edited ones alone: the hash of the bundled
-- entry the row was last written from, '' once anyone else has written it, and null for rows
-- written before this was kept (see JdbcFaqEntries.offerBundled).
alter table faq_entry add column bundled_version varchar(64);
