/** DSIR, hashed n-gram importance resampling: a text selector beside GIO ({@code --method dsir}). */
package org.gio.io.text.dsir;
