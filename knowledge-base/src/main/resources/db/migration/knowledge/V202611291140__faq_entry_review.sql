-- What administration needs of an entry: when its answer is due for legal review, who changed it
-- last, and whether it is switched off (kept, but not searchable). Existing entries stay enabled.
alter table faq_entry add column review_date date;
alter table faq_entry add column changed_by varchar(100);
alter table faq_entry add column disabled boolean default false not null;
