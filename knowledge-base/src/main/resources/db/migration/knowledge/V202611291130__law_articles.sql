-- Law articles, each searchable on its own and shown in full when a citizen asks for the law an
-- answer cites (查看法条). Loaded by `./lawline import` from files like
-- ../shared/data/laws/core_law_articles.jsonl. Plain SQL that runs unchanged on H2 2.4 and
-- PostgreSQL 15.
create table law_article (
    id          varchar(200)  primary key,  -- art:劳动合同法第三十条
    law         varchar(200)  not null,     -- 中华人民共和国劳动合同法
    article     varchar(50)   not null,     -- 第三十条
    text        text          not null,
    book        varchar(200),               -- 编, e.g. 合同编; null when the law has none
    chapter     varchar(300),               -- 章 or 节; null when the law has none
    updated_at  timestamp     not null
);
create index law_article_law on law_article (law);
