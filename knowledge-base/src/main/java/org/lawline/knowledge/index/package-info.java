/** Lucene plumbing shared by the FAQ and the law-article indexes. */
package org.lawline.knowledge.index;
