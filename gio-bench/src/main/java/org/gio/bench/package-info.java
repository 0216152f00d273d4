/** Benchmarks: JMH kernels and the end-to-end runner. */
package org.gio.bench;
