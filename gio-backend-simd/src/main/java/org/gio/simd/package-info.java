/** Vector API kernels for GIO (issue: gio-backend-simd). */
package org.gio.simd;
