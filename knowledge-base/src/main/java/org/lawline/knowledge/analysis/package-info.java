/**
 * Chinese text analysis shared by the knowledge base's indexes. Internal.
 */
package org.lawline.knowledge.analysis;
