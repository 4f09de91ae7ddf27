/**
 * The command line: picocli commands, and option classes that only hold and check values. Commands
 * wire the pieces below; they print only through picocli's writers. May use every package below it.
 */
package dev.credreport.cli;
