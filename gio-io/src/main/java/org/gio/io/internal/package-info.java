/** Helpers shared by the readers; not part of gio-io's API. */
package org.gio.io.internal;
