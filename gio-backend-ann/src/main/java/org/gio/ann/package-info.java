/** Approximate pool search on Lucene HNSW (issue: gio-backend-ann). */
package org.gio.ann;
