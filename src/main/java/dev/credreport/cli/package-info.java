/**
 * The command line: picocli commands, and option classes that only hold and check values. Commands
 * wire the pieces below; they print only through picocli's writers. Their picocli annotations are read
 * at build time: src/processor's CommandModelProcessor writes CommandModel, which builds each command's
 * model without reflection. May use every package below it.
 */
package dev.credreport.cli;
