/**
 * Administration of the knowledge base while LawLine runs: a JSON API under
 * {@code /api/admin/**}, guarded by the token in {@code LAWLINE_ADMIN_TOKEN}, to list, edit,
 * disable, enable and import entries. Changes are searchable on this instance at once and on
 * the others at their next index refresh.
 */
package org.lawline.admin;
