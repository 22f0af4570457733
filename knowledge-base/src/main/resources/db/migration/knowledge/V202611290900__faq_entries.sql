-- Knowledge-base entries, the source of truth the search index is built from.
-- Plain SQL that runs unchanged on H2 2.4 and PostgreSQL 15.
-- phrasings and law_refs hold JSON arrays of strings, e.g. ["中华人民共和国劳动合同法第三十条"]:
-- they are read and written whole with the entry, never queried on their own.
create table faq_entry (
    id          varchar(100)  primary key,
    question    varchar(1000) not null,
    phrasings   text,
    answer      text          not null,
    category    varchar(100),
    law_refs    text,
    updated_at  timestamp     not null
);
create index faq_entry_category on faq_entry (category);
