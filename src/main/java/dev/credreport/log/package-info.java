/** A small SLF4J provider: silent unless --debug, with secrets masked. May use core. */
package dev.credreport.log;
