/**
 * Reading and writing embeddings and selection results. Every writer goes through {@link
 * org.gio.io.AtomicFiles}, so a failed run never leaves a partial file at an output path.
 */
package org.gio.io;
