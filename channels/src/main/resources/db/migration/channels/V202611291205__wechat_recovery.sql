-- Nothing lost when an instance dies. Plain SQL that runs unchanged on H2 2.4 and PostgreSQL 15.

-- The decrypted message of a claim, kept only while the claim is being answered (cleared once it is):
-- a claim an instance left ANSWERING when it died is answered from it by another instance (Reconciler).
alter table wechat_inbound add column message_xml text;
create index wechat_inbound_status on wechat_inbound (status, updated_at);
