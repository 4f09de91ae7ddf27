/** Where bytes go: files written atomically and privately, standard output that fails fast, the progress interface. May use core. */
package dev.credreport.io;
